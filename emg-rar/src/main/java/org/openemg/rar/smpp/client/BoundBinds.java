package org.openemg.rar.smpp.client;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * How many of a connector's binds are bound; those that take submits are the queue's takers, and when the
 * last of them goes, what is queued is answered LINK_LOST, since nobody will send it.
 */
final class BoundBinds {

    private final AtomicInteger count = new AtomicInteger();
    private final SubmitQueue queue;
    private final ResultFlusher results;

    BoundBinds(SubmitQueue queue, ResultFlusher results) {
        this.queue = queue;
        this.results = results;
    }

    /** A bind is up; one that takes submits wakes the gateway's dispatcher rather than letting it find out later. */
    void up(boolean takesSubmits) {
        count.incrementAndGet();
        if (takesSubmits) {
            queue.takerBound();
            results.linkUp();
        }
    }

    void down(boolean takesSubmits) {
        count.decrementAndGet();
        if (takesSubmits) {
            results.addLinkLost(queue.takerLost());
        }
    }

    int count() {
        return count.get();
    }
}
