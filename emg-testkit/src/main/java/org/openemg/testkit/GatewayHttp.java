package org.openemg.testkit;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/** An HTTP client of one gateway's HTTP connector: /bin/send and /bin/status as an enterprise calls them. */
public final class GatewayHttp {

    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);

    private final URI base;
    private final String authorization;

    /** {@code base}: scheme, host and port of the connector, e.g. {@code http://127.0.0.2:8080}. */
    public GatewayHttp(URI base) {
        this(base, null);
    }

    private GatewayHttp(URI base, String authorization) {
        this.base = base;
        this.authorization = authorization;
    }

    /** The same client sending HTTP Basic credentials with every request. */
    public GatewayHttp withBasicAuth(String user, String password) {
        String credentials = Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
        return new GatewayHttp(base, "Basic " + credentials);
    }

    public static Params params() {
        return new Params();
    }

    /** {@code params} as a form body. */
    public HttpResponse<String> post(String path, Params params) throws IOException, InterruptedException {
        return send(request(path).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(params.encoded())));
    }

    /** {@code params} as the query string. */
    public HttpResponse<String> get(String path, Params params) throws IOException, InterruptedException {
        return send(request(path + "?" + params.encoded()).GET());
    }

    /** The text of /bin/status for a message id; a failure's description instead, for assertion messages. */
    public String status(String id) {
        try {
            return get("/bin/status", params().add("ID", id)).body();
        } catch (IOException e) {
            return e.toString();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return e.toString();
        }
    }

    private HttpRequest.Builder request(String pathAndQuery) {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(pathAndQuery)).timeout(REQUEST_TIMEOUT);
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return request;
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    /** Ordered name/value pairs, repeats allowed, as a form body or query string. */
    public static final class Params {
        private final List<String> pairs = new ArrayList<>();

        public Params add(String name, String value) {
            pairs.add(URLEncoder.encode(name, StandardCharsets.UTF_8) + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8));
            return this;
        }

        String encoded() {
            return String.join("&", pairs);
        }
    }
}
