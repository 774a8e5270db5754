package org.openemg.it;

import java.util.concurrent.atomic.AtomicInteger;

/** Destination numbers no other test uses, so that each test finds its own submits. */
final class Recipients {

    private static final AtomicInteger NEXT = new AtomicInteger();
    private static final long RUN = System.currentTimeMillis() % 100_000;

    static String fresh() {
        return String.format("468%05d%04d", RUN, NEXT.incrementAndGet());
    }

    private Recipients() {
    }
}
