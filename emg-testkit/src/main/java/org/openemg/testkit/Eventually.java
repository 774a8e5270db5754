package org.openemg.testkit;

import java.time.Duration;
import java.util.Objects;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/** Waits for what happens asynchronously (dispatch, rebind, retry) by polling, never for a fixed time. */
public final class Eventually {

    private static final long POLL_MILLIS = 20;

    /** True as soon as {@code condition} holds; false if it still does not when {@code limit} has passed. */
    public static boolean within(Duration limit, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (System.nanoTime() < deadline) {
            if (condition.getAsBoolean()) {
                return true;
            }
            Thread.sleep(POLL_MILLIS);
        }
        return condition.getAsBoolean();
    }

    /**
     * True once {@code observed} has kept one value for {@code quiet}, e.g. no late duplicate arrived;
     * false if it still changes when {@code limit} has passed.
     */
    public static boolean quietFor(Duration quiet, Duration limit, Supplier<?> observed) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        Object last = observed.get();
        long unchangedSince = System.nanoTime();
        while (System.nanoTime() < deadline) {
            Thread.sleep(POLL_MILLIS);
            Object now = observed.get();
            if (!Objects.equals(now, last)) {
                last = now;
                unchangedSince = System.nanoTime();
            } else if (System.nanoTime() - unchangedSince >= quiet.toNanos()) {
                return true;
            }
        }
        return false;
    }

    private Eventually() {
    }
}
