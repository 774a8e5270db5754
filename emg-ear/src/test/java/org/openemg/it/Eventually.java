package org.openemg.it;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Waits for something the gateway does asynchronously (dispatch, rebind, retry). */
final class Eventually {

    static boolean within(Duration limit, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (System.nanoTime() < deadline) {
            if (condition.getAsBoolean()) {
                return true;
            }
            Thread.sleep(50);
        }
        return condition.getAsBoolean();
    }

    private Eventually() {
    }
}
