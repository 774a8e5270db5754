package org.openemg.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class AcceptTimesTest {

    private static String page(int upTo1ms, int upTo5ms, int upTo50ms, int all) {
        return String.join("\n",
                "# TYPE emg_accept_latency_seconds histogram",
                "emg_accept_latency_seconds_bucket{connector=\"http-in\",le=\"0.001\"} " + upTo1ms,
                "emg_accept_latency_seconds_bucket{connector=\"http-in\",le=\"0.005\"} " + upTo5ms,
                "emg_accept_latency_seconds_bucket{connector=\"http-in\",le=\"0.05\"} " + upTo50ms,
                "emg_accept_latency_seconds_bucket{connector=\"http-in\",le=\"+Inf\"} " + all,
                "emg_accept_latency_seconds_bucket{connector=\"smpp-in\",le=\"0.001\"} 7",
                "emg_accept_latency_seconds_bucket{connector=\"smpp-in\",le=\"+Inf\"} 7",
                "emg_submit_latency_seconds_bucket{connector=\"smpp-out\",le=\"0.001\"} 999",
                "");
    }

    @Test
    void quantilesAreOfWhatWasRecordedBetweenTheTwoPagesOverEveryConnector() {
        AcceptTimes before = AcceptTimes.parse(page(1000, 1000, 1000, 1000));
        // 1,000 more: 900 within 1 ms, 95 more within 5 ms, 4 within 50 ms, 1 beyond
        AcceptTimes after = AcceptTimes.parse(page(1900, 1995, 1999, 2000));
        assertEquals("p50 ≤ 1.0 ms, p99 ≤ 5.0 ms, p99.9 ≤ 50.0 ms (1000 requests; histogram bucket bounds)",
                after.since(before));
    }

    @Test
    void withoutTheHistogramItSaysSo() {
        assertTrue(AcceptTimes.parse("up 1\n").since(AcceptTimes.parse("")).startsWith("n/a"));
    }
}
