package org.openemg.rar.smpp.client;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/** A connector's stop: its binds look at it between steps, and it cuts their back-off waits short. */
final class StopSignal {

    private final CountDownLatch given = new CountDownLatch(1);

    void give() {
        given.countDown();
    }

    boolean isGiven() {
        return given.getCount() == 0;
    }

    /** Waits {@code nanos}, or less when the stop comes first. */
    void sleep(long nanos) throws InterruptedException {
        given.await(nanos, TimeUnit.NANOSECONDS);
    }
}
