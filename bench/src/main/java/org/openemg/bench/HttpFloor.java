package org.openemg.bench;

import java.net.URI;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * What an engine's HTTP path costs before it stores anything: single GETs of a send request without a recipient,
 * which both engines refuse with HTTP 400 before storing anything (the gateway with status 5 in its web module, before
 * the EJB call and the login; Kannel's smsbox after checking the user, without asking bearerbox),
 * from C clients on kept HTTP/1.1 connections like the single-recipient case. The CPU per refused request is the
 * floor under that engine's single-recipient message.
 */
final class HttpFloor {

    /** Both engines answer a send request without a recipient with this status. */
    private static final int REFUSED = 400;

    /** One batch of refused requests. */
    record Batch(int requests, int refused, double seconds, long[] sortedLatencies, String firstProblem) {
        double rate() {
            return seconds <= 0 ? 0 : refused / seconds;
        }
    }

    private final String host;
    private final int port;
    private final String pathAndQuery;

    /** @param kannel Kannel's sendsms without {@code to}, or else the gateway's /bin/send without DESTADDR */
    HttpFloor(String baseUrl, boolean kannel, String user, String password) {
        URI uri = URI.create(baseUrl);
        this.host = uri.getHost();
        this.port = uri.getPort();
        this.pathAndQuery = kannel
                ? "/cgi-bin/sendsms?username=" + user + "&password=" + password + "&text=bench+message"
                : "/bin/send?USERNAME=" + user + "&PASSWORD=" + password + "&MESSAGE=bench+message";
    }

    Batch run(int requests, int clients) throws InterruptedException {
        AtomicInteger started = new AtomicInteger();
        AtomicInteger refused = new AtomicInteger();
        AtomicReference<String> problem = new AtomicReference<>();
        long[] latencies = new long[requests];
        AtomicLong lastAnswer = new AtomicLong();
        List<Thread> threads = new ArrayList<>();
        long start = System.nanoTime();
        for (int c = 0; c < clients; c++) {
            Thread t = new Thread(() -> {
                try (KeepAliveHttp http = new KeepAliveHttp(host, port, 60_000)) {
                    for (int r = started.getAndIncrement(); r < requests; r = started.getAndIncrement()) {
                        long t0 = System.nanoTime();
                        KeepAliveHttp.Response response = http.get(pathAndQuery);
                        long t1 = System.nanoTime();
                        latencies[r] = Math.max(1, t1 - t0);
                        lastAnswer.accumulateAndGet(t1, Math::max);
                        if (response.status() == REFUSED) {
                            refused.incrementAndGet();
                        } else {
                            problem.compareAndSet(null, "HTTP " + response.status() + ": " + response.body().strip());
                        }
                    }
                } catch (Exception e) {
                    problem.compareAndSet(null, e.toString());
                }
            }, "floor-client-" + c);
            threads.add(t);
            t.start();
        }
        for (Thread t : threads) {
            t.join();
        }
        long[] sorted = Arrays.stream(latencies).filter(l -> l > 0).sorted().toArray();
        return new Batch(requests, refused.get(), (lastAnswer.get() - start) / 1e9, sorted, problem.get());
    }
}
