package org.openemg.rar.smpp.server;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * THROUGHPUT of a connector: each submit takes the next slot, 1/THROUGHPUT seconds after the one before,
 * and whoever took a later slot waits for it. Soft: a submit is delayed, never refused.
 */
final class Pace {

    private final long intervalNanos;
    private final AtomicLong nextSlot = new AtomicLong(System.nanoTime());

    /** @param perSecond messages a second; 0 or less paces nothing */
    Pace(double perSecond) {
        this.intervalNanos = perSecond > 0 ? (long) (TimeUnit.SECONDS.toNanos(1) / perSecond) : 0;
    }

    /** Takes the next slot; returns how long to wait for it (0: go now). */
    long reserve() {
        if (intervalNanos == 0) {
            return 0;
        }
        long now = System.nanoTime();
        long previous = nextSlot.getAndAccumulate(now, (slot, n) -> Math.max(slot - n, 0) + n + intervalNanos);
        return Math.max(0, previous - now);
    }
}
