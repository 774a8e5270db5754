package org.openemg.testkit;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;

/**
 * An HTTP/1.1 client that writes a request's octets as given, one connection per request, from a chosen
 * local address (another loopback address is a client from elsewhere): for what {@link GatewayHttp}'s
 * client refuses to send (broken escapes, control characters, any header) and for ALLOWIPS.
 */
public final class RawHttp {

    /** A response as read: status code, the header block as text, and the body. */
    public record Response(int status, String headers, String body) {
        public boolean hasHeader(String name) {
            return headers.toLowerCase(Locale.ROOT).contains("\n" + name.toLowerCase(Locale.ROOT) + ":");
        }
    }

    private final String localAddress;
    private final InetSocketAddress server;
    private final Duration timeout;

    /** {@code localAddress}: the address to connect from, null for the system's choice. */
    public RawHttp(String localAddress, InetSocketAddress server, Duration timeout) {
        this.localAddress = localAddress;
        this.server = server;
        this.timeout = timeout;
    }

    /** A GET of {@code pathAndQuery} exactly as given, with optional extra header lines (CRLF-terminated). */
    public Response get(String pathAndQuery, String extraHeaders) throws IOException {
        return exchange(("GET " + pathAndQuery + " HTTP/1.1\r\nHost: " + host() + "\r\n" + extraHeaders
                + "Connection: close\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
    }

    /** A POST of a form body. */
    public Response post(String path, String extraHeaders, byte[] body) throws IOException {
        byte[] head = ("POST " + path + " HTTP/1.1\r\nHost: " + host() + "\r\n" + extraHeaders
                + "Content-Type: application/x-www-form-urlencoded\r\nContent-Length: " + body.length
                + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1);
        byte[] request = new byte[head.length + body.length];
        System.arraycopy(head, 0, request, 0, head.length);
        System.arraycopy(body, 0, request, head.length, body.length);
        return exchange(request);
    }

    /**
     * Writes the request and reads the response until the server closes the connection; an IOException
     * (SocketTimeoutException among them) when it neither answers nor closes within the timeout.
     */
    public Response exchange(byte[] request) throws IOException {
        try (Socket socket = new Socket()) {
            socket.setSoTimeout((int) timeout.toMillis());
            if (localAddress != null) {
                socket.bind(new InetSocketAddress(localAddress, 0));
            }
            socket.connect(server, (int) timeout.toMillis());
            socket.getOutputStream().write(request);
            socket.getOutputStream().flush();
            return parse(readAll(socket.getInputStream()));
        }
    }

    private String host() {
        return server.getHostString() + ":" + server.getPort();
    }

    private static byte[] readAll(InputStream in) throws IOException {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        in.transferTo(all);
        return all.toByteArray();
    }

    private static Response parse(byte[] raw) throws IOException {
        String text = new String(raw, StandardCharsets.ISO_8859_1);
        int end = text.indexOf("\r\n\r\n");
        if (!text.startsWith("HTTP/1.") || end < 0) {
            throw new IOException("not an HTTP response: " + text.substring(0, Math.min(200, text.length())));
        }
        String headers = text.substring(0, end + 2);
        int status = Integer.parseInt(headers.substring(9, 12));
        String body = text.substring(end + 4);
        if (headers.toLowerCase(Locale.ROOT).contains("\ntransfer-encoding: chunked")) {
            body = unchunk(body);
        }
        return new Response(status, headers, new String(body.getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8));
    }

    private static String unchunk(String chunked) {
        StringBuilder body = new StringBuilder();
        int at = 0;
        while (true) {
            int lineEnd = chunked.indexOf("\r\n", at);
            int size = Integer.parseInt(chunked.substring(at, lineEnd).split(";")[0].trim(), 16);
            if (size == 0) {
                return body.toString();
            }
            body.append(chunked, lineEnd + 2, lineEnd + 2 + size);
            at = lineEnd + 2 + size + 2;
        }
    }
}
