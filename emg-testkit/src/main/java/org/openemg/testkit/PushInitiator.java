package org.openemg.testkit;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

/**
 * A PAP push initiator of one gateway's PAP connector: POSTs to {@code /pap} a push submission
 * ({@code multipart/related}, control entity then content entity) or a control entity alone
 * (statusquery-message, cancel-message), with HTTP Basic credentials when it has them.
 */
public final class PushInitiator {

    public static final String PAP_2_0 =
            "<!DOCTYPE pap PUBLIC \"-//WAPFORUM//DTD PAP 2.0//EN\" \"http://www.wapforum.org/DTD/pap_2.0.dtd\">";
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);
    private static final String BOUNDARY = "pi-boundary-4711";

    private final URI pap;
    private final String authorization;

    /** {@code base}: scheme, host and port of the connector, e.g. {@code http://127.0.0.2:8080}. */
    public PushInitiator(URI base, String user, String password) {
        this.pap = base.resolve("/pap");
        this.authorization = user == null ? null : "Basic " + Base64.getEncoder()
                .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    /** A PAP 2.0 document around {@code message}. */
    public static String control(String message) {
        return "<?xml version=\"1.0\"?>\n" + PAP_2_0 + "\n<pap>\n" + message + "\n</pap>\n";
    }

    /** The control entity and a content entity of {@code contentType}, with CRLF line ends and an unquoted boundary. */
    public HttpResponse<String> push(String control, String contentType, String content) throws IOException, InterruptedException {
        String body = "--" + BOUNDARY + "\r\nContent-Type: application/xml\r\n\r\n" + control + "\r\n--" + BOUNDARY
                + "\r\nContent-Type: " + contentType + "\r\n\r\n" + content + "\r\n--" + BOUNDARY + "--\r\n";
        return post("multipart/related; boundary=" + BOUNDARY + "; type=\"application/xml\"", body);
    }

    /** Any body with any Content-Type, for the shapes and mistakes real push initiators send. */
    public HttpResponse<String> post(String contentType, String body) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(pap).timeout(REQUEST_TIMEOUT).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }
}
