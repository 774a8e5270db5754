package org.openemg.bench;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * One client's HTTP/1.1 connection, kept open from request to request, blocking: a load generator should cost
 * little beside what it measures on the same 2 cores. {@code java.net.http.HttpClient} cost the bench JVM 430-570
 * µs per single-recipient request (its selector thread, futures and wake-ups per exchange). Not thread-safe: one
 * per client thread. Reconnects when the server closed the connection or said it would.
 */
final class KeepAliveHttp implements AutoCloseable {

    /** A response: status code and body (Content-Length or chunked, read as UTF-8). */
    record Response(int status, String body) {
    }

    private final InetSocketAddress server;
    private final int timeoutMillis;
    private final String hostHeader;
    private Socket socket;
    private InputStream in;
    private OutputStream out;

    KeepAliveHttp(String host, int port, int timeoutMillis) {
        this.server = new InetSocketAddress(host, port);
        this.timeoutMillis = timeoutMillis;
        this.hostHeader = host + ":" + port;
    }

    Response get(String pathAndQuery) throws IOException {
        return exchange(("GET " + pathAndQuery + " HTTP/1.1\r\nHost: " + hostHeader + "\r\n\r\n")
                .getBytes(StandardCharsets.ISO_8859_1));
    }

    /** A POST of {@code body} with the given Content-Type and further header lines (each ending in CRLF). */
    Response post(String path, String contentType, String extraHeaders, String body) throws IOException {
        byte[] content = body.getBytes(StandardCharsets.UTF_8);
        byte[] head = ("POST " + path + " HTTP/1.1\r\nHost: " + hostHeader + "\r\nContent-Type: " + contentType
                + "\r\nContent-Length: " + content.length + "\r\n" + extraHeaders + "\r\n").getBytes(StandardCharsets.ISO_8859_1);
        byte[] request = new byte[head.length + content.length];
        System.arraycopy(head, 0, request, 0, head.length);
        System.arraycopy(content, 0, request, head.length, content.length);
        return exchange(request);
    }

    private Response exchange(byte[] request) throws IOException {
        boolean reused = socket != null;
        try {
            return once(request);
        } catch (IOException e) {
            close();
            if (!reused || !(e instanceof NoAnswer)) {
                throw e;
            }
            // a kept connection the server closed while idle: the request never reached it, one new try
            return once(request);
        }
    }

    /** The connection failed before any octet of an answer came: on a kept connection, one the server had closed. */
    private static final class NoAnswer extends IOException {
        NoAnswer(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private Response once(byte[] request) throws IOException {
        if (socket == null) {
            socket = new Socket();
            socket.setTcpNoDelay(true);
            socket.setSoTimeout(timeoutMillis);
            socket.connect(server, timeoutMillis);
            in = new BufferedInputStream(socket.getInputStream(), 8192);
            out = socket.getOutputStream();
        }
        try {
            out.write(request);
            out.flush();
        } catch (IOException e) {
            throw new NoAnswer("writing the request failed", e);
        }
        String statusLine = line();
        if (statusLine.isEmpty()) {
            throw new NoAnswer("connection closed before a response", null);
        }
        int status = Integer.parseInt(statusLine.split(" ", 3)[1]);
        long length = -1;
        boolean chunked = false;
        boolean closing = false;
        for (String header = line(); !header.isEmpty(); header = line()) {
            int colon = header.indexOf(':');
            String name = header.substring(0, colon).trim().toLowerCase(Locale.ROOT);
            String value = header.substring(colon + 1).trim().toLowerCase(Locale.ROOT);
            switch (name) {
                case "content-length" -> length = Long.parseLong(value);
                case "transfer-encoding" -> chunked = value.contains("chunked");
                case "connection" -> closing = value.contains("close");
                default -> { }
            }
        }
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        if (chunked) {
            for (int size = Integer.parseInt(line().split(";", 2)[0].trim(), 16); size > 0;
                 size = Integer.parseInt(line().split(";", 2)[0].trim(), 16)) {
                copy(size, body);
                line();
            }
            while (!line().isEmpty()) {
                // trailers
            }
        } else if (length >= 0) {
            copy(length, body);
        } else {
            in.transferTo(body);
            closing = true;
        }
        if (closing) {
            close();
        }
        return new Response(status, body.toString(StandardCharsets.UTF_8));
    }

    private void copy(long octets, ByteArrayOutputStream into) throws IOException {
        byte[] buffer = new byte[(int) Math.min(octets, 8192)];
        for (long left = octets; left > 0; ) {
            int read = in.read(buffer, 0, (int) Math.min(left, buffer.length));
            if (read < 0) {
                throw new IOException("connection closed within a body");
            }
            into.write(buffer, 0, read);
            left -= read;
        }
    }

    /** A header line without its CRLF; empty at the end of the headers or when the connection closed. */
    private String line() throws IOException {
        StringBuilder line = new StringBuilder(64);
        for (int c = in.read(); c >= 0 && c != '\n'; c = in.read()) {
            if (c != '\r') {
                line.append((char) c);
            }
        }
        return line.toString();
    }

    @Override
    public void close() {
        if (socket != null) {
            try {
                socket.close();
            } catch (IOException e) {
                // closing anyway
            }
            socket = null;
        }
    }
}
