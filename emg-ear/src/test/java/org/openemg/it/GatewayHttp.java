package org.openemg.it;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** An HTTP client of the gateway under test, on the port the build reserved for http-in. */
final class GatewayHttp {

    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private static final String BASE = "http://" + System.getProperty("it.host") + ":" + Integer.getInteger("it.http.port");

    /** Ordered name/value pairs, repeats allowed, as a form body or query string. */
    static final class Params {
        private final List<String> pairs = new ArrayList<>();

        Params add(String name, String value) {
            pairs.add(URLEncoder.encode(name, StandardCharsets.UTF_8) + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8));
            return this;
        }

        String encoded() {
            return String.join("&", pairs);
        }
    }

    static Params params() {
        return new Params();
    }

    static HttpResponse<String> post(String path, Params params) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(BASE + path))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(params.encoded()))
                .build();
        return CLIENT.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    static HttpResponse<String> get(String path, Params params) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(BASE + path + "?" + params.encoded()))
                .timeout(Duration.ofSeconds(30)).GET().build();
        return CLIENT.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    /** The text of /bin/status for a message id; a failure's description instead, for assertion messages. */
    static String status(String id) {
        try {
            return get("/bin/status", params().add("ID", id)).body();
        } catch (IOException | InterruptedException e) {
            return e.toString();
        }
    }

    private GatewayHttp() {
    }
}
