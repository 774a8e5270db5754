package org.openemg.bench;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * One SMTP session over a raw socket, kept open for many mails: MAIL FROM, RCPT TO, DATA, the mail and its
 * end dot, each step waiting for its reply (no pipelining, no RSET needed between mails). Replies are read
 * with a socket timeout, so a silent server ends a mail with an exception rather than a hang.
 */
final class SmtpClient implements AutoCloseable {

    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;
    private final String domain;
    private final String sender;
    private final StringBuilder line = new StringBuilder(128);

    /** Connects, reads the greeting and says EHLO; {@code domain} is the recipients' (a LOCALDOMAINS entry). */
    SmtpClient(String host, int port, String domain, String sender) throws IOException {
        this.domain = domain;
        this.sender = sender;
        socket = new Socket();
        socket.setSoTimeout(30_000);
        socket.setTcpNoDelay(true);
        socket.connect(new InetSocketAddress(host, port), 10_000);
        in = new BufferedInputStream(socket.getInputStream());
        out = socket.getOutputStream();
        expect(reply(), "220");
        expect(say("EHLO bench." + domain), "250");
    }

    /** One mail to {@code number@domain}; the reply to the end dot (or the first refusal on the way). */
    String mail(String number, String text) throws IOException {
        String r = say("MAIL FROM:<" + sender + "@" + domain + ">");
        if (!r.startsWith("250")) {
            return r;
        }
        r = say("RCPT TO:<" + number + "@" + domain + ">");
        if (!r.startsWith("250")) {
            say("RSET");
            return r;
        }
        r = say("DATA");
        if (!r.startsWith("354")) {
            return r;
        }
        return say("From: <" + sender + "@" + domain + ">\r\nTo: <" + number + "@" + domain + ">\r\n"
                + "Subject: bench\r\n\r\n" + text + "\r\n.");
    }

    private String say(String lines) throws IOException {
        out.write((lines + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
        return reply();
    }

    /** The last line of the next (possibly multi-line) reply. */
    private String reply() throws IOException {
        while (true) {
            line.setLength(0);
            int c;
            while ((c = in.read()) != '\n') {
                if (c < 0) {
                    throw new IOException("the server closed the session");
                }
                if (c != '\r') {
                    line.append((char) c);
                }
            }
            if (line.length() < 4 || line.charAt(3) != '-') {
                return line.toString();
            }
        }
    }

    private static void expect(String reply, String code) throws IOException {
        if (!reply.startsWith(code)) {
            throw new IOException("expected " + code + ", got: " + reply);
        }
    }

    @Override
    public void close() {
        try {
            say("QUIT");
        } catch (IOException e) {
            // closing anyway
        }
        try {
            socket.close();
        } catch (IOException e) {
            // closed
        }
    }
}
