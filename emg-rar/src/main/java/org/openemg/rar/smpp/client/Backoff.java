package org.openemg.rar.smpp.client;

/** Delays between reconnect attempts of one bind: first, doubled after each failure, capped. */
final class Backoff {

    private final long firstNanos;
    private final long maxNanos;
    private long nextNanos;

    Backoff(long firstNanos, long maxNanos) {
        this.firstNanos = firstNanos;
        this.maxNanos = maxNanos;
        this.nextNanos = firstNanos;
    }

    long next() {
        long delay = nextNanos;
        nextNanos = Math.min(maxNanos, nextNanos * 2);
        return delay;
    }

    void reset() {
        nextNanos = firstNanos;
    }
}
