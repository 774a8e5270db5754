package org.openemg.testkit;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An HTTP server the gateway calls back (DLRs, MO, PAP result notifications): it keeps every call with its
 * parameters (query and form body together) and answers 200, or a refusal for the next calls a test asks for.
 */
public final class CallbackServer implements AutoCloseable {

    /** One call as it arrived: method, path, parameters (query first, then form body), raw body, and when. */
    public record Call(String method, String path, Map<String, String> parameters, String body, Instant at) {
    }

    private final HttpServer server;
    private final List<Call> calls = new CopyOnWriteArrayList<>();
    private final AtomicInteger refusalsLeft = new AtomicInteger();
    private volatile int refusalStatus = 503;
    private volatile String refusedParameter;
    private volatile String refusedValue;

    private CallbackServer(HttpServer server) {
        this.server = server;
    }

    public static CallbackServer on(String host, int port) throws IOException {
        CallbackServer callbacks = new CallbackServer(HttpServer.create(new InetSocketAddress(host, port), 0));
        callbacks.server.createContext("/", callbacks::answer);
        callbacks.server.start();
        return callbacks;
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /**
     * The next {@code count} calls whose {@code parameter} is {@code value} are answered {@code status} (and
     * kept all the same); other calls, e.g. another test's late DLRs, neither count nor are refused.
     */
    public void refuseNext(int count, int status, String parameter, String value) {
        refusalStatus = status;
        refusedParameter = parameter;
        refusedValue = value;
        refusalsLeft.set(count);
    }

    public List<Call> calls() {
        return List.copyOf(calls);
    }

    /** The calls that carried this parameter value. */
    public List<Call> callsWith(String parameter, String value) {
        return calls.stream().filter(c -> value.equals(c.parameters().get(parameter))).toList();
    }

    public void reset() {
        calls.clear();
        refusalsLeft.set(0);
    }

    private void answer(HttpExchange exchange) throws IOException {
        try (exchange) {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            Map<String, String> parameters = new LinkedHashMap<>();
            parse(exchange.getRequestURI().getRawQuery(), parameters);
            if ("POST".equals(exchange.getRequestMethod())) {
                parse(body, parameters);
            }
            calls.add(new Call(exchange.getRequestMethod(), exchange.getRequestURI().getPath(), parameters, body, Instant.now()));
            boolean refusable = refusedValue != null && refusedValue.equals(parameters.get(refusedParameter));
            int status = refusable && refusalsLeft.getAndUpdate(n -> Math.max(0, n - 1)) > 0 ? refusalStatus : 200;
            exchange.sendResponseHeaders(status, -1);
        }
    }

    private static void parse(String form, Map<String, String> into) {
        if (form == null || form.isEmpty()) {
            return;
        }
        for (String pair : form.split("&")) {
            int eq = pair.indexOf('=');
            String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            into.put(name, eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
