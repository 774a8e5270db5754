package org.openemg.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class KeepAliveHttpTest {

    /** Answers requests on each connection with the given raw responses in turn, then closes that connection. */
    private static Thread serve(ServerSocket server, List<String> requestLines, List<List<String>> perConnection) {
        Thread t = new Thread(() -> {
            try {
                for (List<String> responses : perConnection) {
                    try (Socket s = server.accept()) {
                        BufferedReader in = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.ISO_8859_1));
                        OutputStream out = s.getOutputStream();
                        for (String response : responses) {
                            String first = in.readLine();
                            requestLines.add(first);
                            int length = 0;
                            for (String h = in.readLine(); !h.isEmpty(); h = in.readLine()) {
                                if (h.toLowerCase().startsWith("content-length:")) {
                                    length = Integer.parseInt(h.substring(15).trim());
                                }
                            }
                            in.skip(length);
                            out.write(response.getBytes(StandardCharsets.ISO_8859_1));
                            out.flush();
                        }
                    }
                }
            } catch (Exception e) {
                requestLines.add("server failed: " + e);
            }
        });
        t.start();
        return t;
    }

    @Test
    void keepsTheConnectionReadsLengthAndChunkedBodiesAndReconnectsOnceTheServerClosedIt() throws Exception {
        List<String> seen = Collections.synchronizedList(new ArrayList<>());
        try (ServerSocket server = new ServerSocket(0, 5, InetAddress.getLoopbackAddress())) {
            Thread t = serve(server, seen, List.of(
                    List.of("HTTP/1.1 200 OK\r\nContent-Length: 4\r\n\r\n100\n",
                            "HTTP/1.1 202 Accepted\r\nTransfer-Encoding: chunked\r\n\r\n3\r\n0: \r\n11\r\nAccepted for deli\r\n5;x=y\r\nvery\n\r\n0\r\n\r\n"),
                    List.of("HTTP/1.1 401 Unauthorized\r\nContent-Length: 6\r\nConnection: close\r\n\r\nERR 3\n")));
            try (KeepAliveHttp http = new KeepAliveHttp("127.0.0.1", server.getLocalPort(), 5000)) {
                assertEquals(new KeepAliveHttp.Response(200, "100\n"), http.get("/bin/send?DESTADDR=1"));
                assertEquals(new KeepAliveHttp.Response(202, "0: Accepted for delivery\n"),
                        http.post("/cgi-bin/sendsms", "text/plain", "X-Kannel-To: 1\r\n", "bench"));
                // the server closed the first connection after two answers: the next request goes on a new one
                assertEquals(new KeepAliveHttp.Response(401, "ERR 3\n"),
                        http.post("/bin/send", "application/x-www-form-urlencoded", "", "USERNAME=x"));
            }
            t.join(5000);
        }
        assertEquals(List.of("GET /bin/send?DESTADDR=1 HTTP/1.1", "POST /cgi-bin/sendsms HTTP/1.1", "POST /bin/send HTTP/1.1"), seen);
    }
}
