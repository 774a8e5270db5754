package org.openemg.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The gateway's own histogram of the time requests spent in acceptance (emg_accept_latency_seconds, every incoming
 * connector together), read from its Prometheus page before and after a batch: beside the clients' latency it tells
 * how much of an answer's time the gateway's path took and how much the protocol layer and the scheduler.
 */
final class AcceptTimes {

    private static final Pattern BUCKET = Pattern.compile(
            "(?m)^emg_accept_latency_seconds_bucket\\{[^}]*le=\"([^\"]+)\"[^}]*} ([0-9.eE+-]+)$");
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /** Cumulative counts by upper bound in seconds; empty when the page cannot be read. */
    private final TreeMap<Double, Double> buckets;

    private AcceptTimes(TreeMap<Double, Double> buckets) {
        this.buckets = buckets;
    }

    static AcceptTimes scrape(URI prometheus) {
        try {
            HttpResponse<String> page = HTTP.send(HttpRequest.newBuilder(prometheus).timeout(Duration.ofSeconds(10)).build(),
                    HttpResponse.BodyHandlers.ofString());
            return page.statusCode() == 200 ? parse(page.body()) : new AcceptTimes(new TreeMap<>());
        } catch (Exception e) {
            return new AcceptTimes(new TreeMap<>());
        }
    }

    static AcceptTimes parse(String page) {
        TreeMap<Double, Double> buckets = new TreeMap<>();
        Matcher m = BUCKET.matcher(page);
        while (m.find()) {
            double le = m.group(1).equals("+Inf") ? Double.POSITIVE_INFINITY : Double.parseDouble(m.group(1));
            buckets.merge(le, Double.parseDouble(m.group(2)), Double::sum);
        }
        return new AcceptTimes(buckets);
    }

    /** p50 / p99 / p99.9 of what was recorded between {@code before} and this, as the buckets' upper bounds. */
    String since(AcceptTimes before) {
        TreeMap<Double, Double> added = new TreeMap<>();
        for (Map.Entry<Double, Double> bucket : buckets.entrySet()) {
            added.put(bucket.getKey(), bucket.getValue() - before.buckets.getOrDefault(bucket.getKey(), 0.0));
        }
        double count = added.isEmpty() ? 0 : added.lastEntry().getValue();
        if (count <= 0) {
            return "n/a (no emg_accept_latency_seconds on the management port)";
        }
        return String.format(Locale.ROOT, "p50 ≤ %s, p99 ≤ %s, p99.9 ≤ %s (%.0f requests; histogram bucket bounds)",
                bound(added, count, 0.50), bound(added, count, 0.99), bound(added, count, 0.999), count);
    }

    private static String bound(TreeMap<Double, Double> added, double count, double quantile) {
        for (Map.Entry<Double, Double> bucket : added.entrySet()) {
            if (bucket.getValue() >= quantile * count) {
                return bucket.getKey().isInfinite() ? "∞" : String.format(Locale.ROOT, "%.1f ms", bucket.getKey() * 1e3);
            }
        }
        return "∞";
    }
}
