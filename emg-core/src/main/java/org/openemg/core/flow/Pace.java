package org.openemg.core.flow;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * THROUGHPUT of a connector as a soft rate: each message takes the next slot, 1/THROUGHPUT seconds after the
 * one before, and whoever took a later slot waits for it. A message is delayed, never refused; an idle
 * connector saves up no burst, so the rate holds over any stretch of busy time. Thread-safe.
 */
public final class Pace {

    private static final Pace NONE = new Pace(0, System::nanoTime);

    private final long intervalNanos;
    private final LongSupplier clock;
    private final AtomicLong nextSlot;

    /** @param perSecond messages a second; 0 or less paces nothing */
    public Pace(double perSecond) {
        this(perSecond, System::nanoTime);
    }

    /** {@code clock} gives nanoseconds as {@link System#nanoTime()} does. */
    Pace(double perSecond, LongSupplier clock) {
        this.intervalNanos = perSecond > 0 ? Math.max(1, (long) (TimeUnit.SECONDS.toNanos(1) / perSecond)) : 0;
        this.clock = clock;
        this.nextSlot = new AtomicLong(clock.getAsLong());
    }

    /** No limit. */
    public static Pace none() {
        return NONE;
    }

    public boolean limits() {
        return intervalNanos > 0;
    }

    /** Takes the next slot; returns the nanoseconds to wait for it (0: go now). */
    public long reserve() {
        return reserve(1);
    }

    /** Takes {@code count} consecutive slots; returns the nanoseconds to wait for the last of them. */
    public long reserve(int count) {
        if (intervalNanos == 0 || count <= 0) {
            return 0;
        }
        long now = clock.getAsLong();
        long span = intervalNanos * count;
        long previous = nextSlot.getAndAccumulate(now, (slot, n) -> Math.max(slot - n, 0) + n + span);
        long first = Math.max(previous - now, 0);
        return first + intervalNanos * (count - 1);
    }

    /** Waits for the slots of {@code count} messages; an interrupt ends the wait early and stays set. */
    public void await(int count) {
        long wait = reserve(count);
        if (wait > 0) {
            try {
                TimeUnit.NANOSECONDS.sleep(wait);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
