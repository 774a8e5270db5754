package org.openemg.it;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/** An SMTP client of the gateway's smtp-in connector, line by line over a raw socket, from a chosen local address. */
final class MailClient implements AutoCloseable {

    static final String HOST = System.getProperty("it.host");
    static final int PORT = Integer.getInteger("it.smtp.port");

    private final Socket socket;
    private final BufferedReader in;
    private final OutputStream out;

    MailClient(String localAddress) throws IOException {
        socket = new Socket();
        socket.setSoTimeout(30_000);
        socket.bind(new InetSocketAddress(localAddress, 0));
        socket.connect(new InetSocketAddress(HOST, PORT), 10_000);
        in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.ISO_8859_1));
        out = socket.getOutputStream();
    }

    /** The last line of the next reply. */
    String reply() throws IOException {
        String line = in.readLine();
        while (line != null && line.length() > 3 && line.charAt(3) == '-') {
            line = in.readLine();
        }
        if (line == null) {
            throw new IOException("the gateway closed the connection");
        }
        return line;
    }

    String say(String line) throws IOException {
        out.write((line + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
        return reply();
    }

    /** DATA, the lines (dot-stuffed), the end dot; the reply to the dot. */
    String data(String... lines) throws IOException {
        String go = say("DATA");
        if (!go.startsWith("354")) {
            return go;
        }
        StringBuilder text = new StringBuilder();
        for (String line : lines) {
            text.append(line.startsWith(".") ? "." : "").append(line).append("\r\n");
        }
        out.write(text.toString().getBytes(StandardCharsets.ISO_8859_1));
        return say(".");
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
