package org.openemg.rar.smpp.server;

import java.util.concurrent.atomic.AtomicInteger;

/** INSTANCES: how many sessions of a connector may be bound at once. */
final class BoundSessions {

    private final int limit;
    private final AtomicInteger bound = new AtomicInteger();

    BoundSessions(int limit) {
        this.limit = limit;
    }

    /** @return false when all INSTANCES are taken (nothing reserved) */
    boolean reserve() {
        int n;
        do {
            n = bound.get();
            if (n >= limit) {
                return false;
            }
        } while (!bound.compareAndSet(n, n + 1));
        return true;
    }

    void release() {
        bound.decrementAndGet();
    }

    int count() {
        return bound.get();
    }
}
