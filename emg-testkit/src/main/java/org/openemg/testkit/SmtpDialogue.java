package org.openemg.testkit;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * An SMTP client speaking line by line over a raw socket, from a chosen local address (a second loopback
 * address is a client from elsewhere), so that tests see every reply as the server wrote it.
 */
public final class SmtpDialogue implements AutoCloseable {

    private final Socket socket;
    private final BufferedReader in;
    private final OutputStream out;

    public SmtpDialogue(String localAddress, InetSocketAddress server) throws IOException {
        socket = new Socket();
        socket.setSoTimeout(30_000);
        socket.bind(new InetSocketAddress(localAddress, 0));
        socket.connect(server, 10_000);
        in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.ISO_8859_1));
        out = socket.getOutputStream();
    }

    /** The last line of the next (possibly multi-line) reply. */
    public String reply() throws IOException {
        String line = in.readLine();
        while (line != null && line.length() > 3 && line.charAt(3) == '-') {
            line = in.readLine();
        }
        if (line == null) {
            throw new IOException("the server closed the connection");
        }
        return line;
    }

    public void send(String line) throws IOException {
        out.write((line + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
    }

    public String say(String line) throws IOException {
        send(line);
        return reply();
    }

    /** DATA, the lines, the end dot; the reply to the dot. */
    public String mail(String... lines) throws IOException {
        String go = say("DATA");
        if (!go.startsWith("354")) {
            return go;
        }
        for (String line : lines) {
            send(line.startsWith(".") ? "." + line : line);
        }
        return say(".");
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
