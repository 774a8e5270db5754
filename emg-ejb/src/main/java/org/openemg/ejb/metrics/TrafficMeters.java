package org.openemg.ejb.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.openemg.core.message.AcceptOutcome;
import org.openemg.core.message.RecipientResult;
import org.openemg.core.message.Status;

/**
 * The gateway's traffic counters and its latency histograms (submit, acceptance), in WildFly's Micrometer registry (Prometheus
 * at /prometheus on the management port, names prefixed emg_). Meters are kept per connector (and status), so
 * counting is a map lookup and an add; they leave the registry with the deployment.
 */
@ApplicationScoped
public class TrafficMeters {

    private static final String CONNECTOR = "connector";

    @Inject
    private MeterRegistry registry;

    private final Map<String, Counter> counters = new ConcurrentHashMap<>();
    /** Per connector, one map per timer: looked up on every request and submit, so without building a key. */
    private final Map<String, Timer> submitLatencies = new ConcurrentHashMap<>();
    private final Map<String, Timer> acceptLatencies = new ConcurrentHashMap<>();
    private volatile DistributionSummary commitGroups;

    /** One outcome per recipient of a request: accepted, or refused with its status. */
    public void outcomes(String connector, List<RecipientResult> results) {
        int accepted = 0;
        for (RecipientResult result : results) {
            if (result.isAccepted()) {
                accepted++;
            } else {
                refused(connector, result.status(), 1);
            }
        }
        if (accepted > 0) {
            counter("emg.messages.accepted", connector, null).increment(accepted);
        }
    }

    public void outcomes(String connector, AcceptOutcome outcome) {
        outcomes(connector, outcome.results());
    }

    /** Messages refused as a whole request (a bad login, an unknown connector) or one by one. */
    public void refused(String connector, Status status, int messages) {
        counter("emg.messages.refused", connector, status).increment(messages);
    }

    /** Parts that got a temporary error from their peer and were queued for another try. */
    public void retried(String connector, int parts) {
        if (parts > 0) {
            counter("emg.retries", connector, null).increment(parts);
        }
    }

    /** Receipts that found their message. */
    public void receiptsMatched(String connector, int receipts) {
        if (receipts > 0) {
            counter("emg.dlrs.matched", connector, null).increment(receipts);
        }
    }

    /** Receipts that found no message: unreadable, or no submit with their id came within the hour. */
    public void receiptsUnmatched(String connector, int receipts) {
        if (receipts > 0) {
            counter("emg.dlrs.unmatched", connector, null).increment(receipts);
        }
    }

    /**
     * A send held back because the connector's peer or its own limit asked for a pause (an SMSC's throttling
     * error; a THROUGHPUT limit). The flow-control work counts its waits here.
     */
    public void throttlingWaits(String connector, int waits) {
        if (waits > 0) {
            counter("emg.throttling.waits", connector, null).increment(waits);
        }
    }

    /** A submit answered by the SMSC {@code nanos} after it was sent. */
    public void submitAnswered(String connector, long nanos) {
        latency(submitLatencies, "emg.submit.latency", "time from submit_sm sent to its submit_sm_resp", connector,
                Duration.ofMillis(1), Duration.ofSeconds(60)).record(nanos, TimeUnit.NANOSECONDS);
    }

    /**
     * A request that took {@code nanos} inside the gateway's acceptance: decided, stored and committed, or refused.
     * Beside a client's own figure, it tells the time spent in the HTTP (SMPP, SMTP) layer from the time spent here.
     */
    public void requestAccepted(String connector, long nanos) {
        latency(acceptLatencies, "emg.accept.latency", "time a request spent in acceptance, its commit included", connector,
                Duration.ofNanos(100_000), Duration.ofSeconds(10)).record(nanos, TimeUnit.NANOSECONDS);
    }

    private Timer latency(Map<String, Timer> timers, String name, String description, String connector, Duration least,
                          Duration most) {
        return timers.computeIfAbsent(String.valueOf(connector), key -> Timer.builder(name)
                .description(description)
                .tag(CONNECTOR, key)
                .publishPercentileHistogram()
                .minimumExpectedValue(least)
                .maximumExpectedValue(most)
                .register(registry));
    }

    /** One shared commit held {@code members} writes: requests (HTTP, SMPP, SMTP) and groups of send results or receipts. */
    public void commitGroup(int members) {
        DistributionSummary groups = commitGroups;
        if (groups == null) {
            groups = DistributionSummary.builder("emg.commit.group")
                    .description("requests and other writes (send results, receipts) that shared one commit")
                    .baseUnit("writes")
                    .register(registry);
            commitGroups = groups;
        }
        groups.record(members);
    }

    private Counter counter(String name, String connector, Status status) {
        String key = status == null ? name + '/' + connector : name + '/' + connector + '/' + status.code();
        return counters.computeIfAbsent(key, k -> {
            Counter.Builder builder = Counter.builder(name).tag(CONNECTOR, String.valueOf(connector));
            if (status != null) {
                builder.tag("status", Integer.toString(status.code()));
            }
            return builder.register(registry);
        });
    }

    @PreDestroy
    void leaveRegistry() {
        counters.values().forEach(this::remove);
        submitLatencies.values().forEach(this::remove);
        acceptLatencies.values().forEach(this::remove);
        if (commitGroups != null) {
            remove(commitGroups);
        }
    }

    private void remove(Meter meter) {
        registry.remove(meter);
    }
}
