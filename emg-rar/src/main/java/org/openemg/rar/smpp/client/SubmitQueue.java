package org.openemg.rar.smpp.client;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.openemg.rar.api.OutgoingMessage;

/**
 * The requests of one connector waiting for a bind with room in its window. It knows how many bound
 * binds take from it, so that a request is never left waiting while none is bound: whoever finds the
 * queue without takers gets the requests back to answer LINK_LOST.
 */
final class SubmitQueue {

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private final ArrayDeque<OutgoingMessage> requests = new ArrayDeque<>();
    private int takers;
    private boolean closed;

    /** @return false when no bound bind can take the batch (nothing was queued) */
    boolean offer(List<OutgoingMessage> batch) {
        lock.lock();
        try {
            if (closed || takers == 0) {
                return false;
            }
            requests.addAll(batch);
            changed.signalAll();
            return true;
        } finally {
            lock.unlock();
        }
    }

    /** Up to {@code max} requests, waiting at most {@code timeoutNanos} for the first; empty on timeout or wake-up. */
    List<OutgoingMessage> take(int max, long timeoutNanos) throws InterruptedException {
        lock.lock();
        try {
            if (requests.isEmpty() && !closed && timeoutNanos > 0) {
                changed.awaitNanos(timeoutNanos);
            }
            int n = Math.min(max, requests.size());
            List<OutgoingMessage> taken = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                taken.add(requests.poll());
            }
            return taken;
        } finally {
            lock.unlock();
        }
    }

    /** Puts requests a bind could not send back at the head; returns those nobody can take any more. */
    List<OutgoingMessage> giveBack(List<OutgoingMessage> batch) {
        lock.lock();
        try {
            if (closed || takers == 0) {
                return batch;
            }
            for (int i = batch.size() - 1; i >= 0; i--) {
                requests.addFirst(batch.get(i));
            }
            changed.signalAll();
            return List.of();
        } finally {
            lock.unlock();
        }
    }

    void takerBound() {
        lock.lock();
        try {
            takers++;
        } finally {
            lock.unlock();
        }
    }

    /** @return the queued requests when the last taker is gone, which nobody will send now */
    List<OutgoingMessage> takerLost() {
        lock.lock();
        try {
            takers--;
            return takers == 0 ? drain() : List.of();
        } finally {
            lock.unlock();
        }
    }

    /** Refuses everything from now on; returns what was still queued. */
    List<OutgoingMessage> close() {
        lock.lock();
        try {
            closed = true;
            changed.signalAll();
            return drain();
        } finally {
            lock.unlock();
        }
    }

    /** Wakes binds waiting in {@link #take} so they notice a lost link or a stop. */
    void wakeUp() {
        lock.lock();
        try {
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    private List<OutgoingMessage> drain() {
        List<OutgoingMessage> all = new ArrayList<>(requests);
        requests.clear();
        return all;
    }
}
