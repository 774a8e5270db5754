package org.openemg.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.openqa.selenium.json.Json;

/** A client of the gateway's /admin API as an operator's script would be: HTTP Basic, JSON answers. */
final class AdminApi {

    static final String ADMIN = "admin";
    static final String ADMIN_PASSWORD = "adminpass";

    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private static final Json JSON = new Json();

    private final URI base;
    private final String authorization;

    private AdminApi(URI base, String authorization) {
        this.base = base;
        this.authorization = authorization;
    }

    static AdminApi of(String user, String password) {
        return new AdminApi(base(), "Basic " + Base64.getEncoder()
                .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)));
    }

    static AdminApi anonymous() {
        return new AdminApi(base(), null);
    }

    static AdminApi admin() {
        return of(ADMIN, ADMIN_PASSWORD);
    }

    static URI base() {
        return URI.create("http://" + System.getProperty("it.host") + ":" + Integer.getInteger("it.http.port"));
    }

    HttpResponse<String> get(String path) {
        return send(request(path).GET());
    }

    HttpResponse<String> post(String path) {
        return send(request(path).POST(HttpRequest.BodyPublishers.noBody()));
    }

    /** GET that must answer 200; its JSON as maps, lists, strings, numbers, booleans. */
    Object read(String path) {
        return json(expectOk(get(path)));
    }

    @SuppressWarnings("unchecked")
    Map<String, Object> readObject(String path) {
        return (Map<String, Object>) read(path);
    }

    @SuppressWarnings("unchecked")
    Map<String, Object> act(String path) {
        return (Map<String, Object>) json(expectOk(post(path)));
    }

    /** The connector as /admin/connectors shows it. */
    @SuppressWarnings("unchecked")
    Map<String, Object> connector(String name) {
        return ((List<Map<String, Object>>) read("/admin/connectors")).stream()
                .filter(c -> name.equals(c.get("name"))).findFirst()
                .orElseThrow(() -> new AssertionError("no connector " + name + " in /admin/connectors"));
    }

    /** Queued plus in flight. */
    int queueDepth(String connector) {
        Map<String, Object> c = connector(connector);
        return ((Number) c.get("queued")).intValue() + ((Number) c.get("inflight")).intValue();
    }

    static Object json(String body) {
        return JSON.toType(body, Object.class);
    }

    private static String expectOk(HttpResponse<String> response) {
        if (response.statusCode() != 200) {
            throw new AssertionError(response.request().method() + " " + response.request().uri() + " answered "
                    + response.statusCode() + ": " + response.body());
        }
        return response.body();
    }

    private HttpRequest.Builder request(String path) {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(60));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return request;
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
