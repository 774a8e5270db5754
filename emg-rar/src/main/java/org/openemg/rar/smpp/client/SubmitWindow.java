package org.openemg.rar.smpp.client;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.openemg.rar.api.OutgoingMessage;

/**
 * The submits of one connection sent and not yet answered, by sequence number, at most WINDOWSIZE.
 * Each request leaves it exactly once: answered, expired, or failed when the window closes.
 */
final class SubmitWindow {

    record InFlight(OutgoingMessage request, long sentAtNanos) {
    }

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private final Map<Integer, InFlight> inFlight;
    private final int capacity;
    private boolean open = true;

    SubmitWindow(int capacity) {
        this.capacity = capacity;
        this.inFlight = new HashMap<>(capacity * 2);
    }

    /**
     * Free slots; when there are none, waits until a slot frees, {@link #wakeUp}, or {@code deadlineNanos}
     * (System.nanoTime), whichever comes first, so 0 is a normal answer.
     */
    int awaitRoom(long deadlineNanos) throws InterruptedException {
        lock.lock();
        try {
            long left = deadlineNanos - System.nanoTime();
            if (open && inFlight.size() >= capacity && left > 0) {
                changed.awaitNanos(left);
            }
            return open ? Math.max(0, capacity - inFlight.size()) : 0;
        } finally {
            lock.unlock();
        }
    }

    /** Waits until {@code deadlineNanos} or until the window closes or is woken. */
    void await(long deadlineNanos) throws InterruptedException {
        lock.lock();
        try {
            long left = deadlineNanos - System.nanoTime();
            if (open && left > 0) {
                changed.awaitNanos(left);
            }
        } finally {
            lock.unlock();
        }
    }

    /** @return false (nothing registered) when the window is closed */
    boolean register(int[] sequenceNumbers, List<OutgoingMessage> requests, long nowNanos) {
        lock.lock();
        try {
            if (!open) {
                return false;
            }
            for (int i = 0; i < requests.size(); i++) {
                inFlight.put(sequenceNumbers[i], new InFlight(requests.get(i), nowNanos));
            }
            return true;
        } finally {
            lock.unlock();
        }
    }

    /** @return the request answered by this sequence number, or null when it is not (or no longer) waiting */
    InFlight complete(int sequenceNumber) {
        lock.lock();
        try {
            InFlight done = inFlight.remove(sequenceNumber);
            if (done != null) {
                changed.signal();
            }
            return done;
        } finally {
            lock.unlock();
        }
    }

    /** Removes and returns the requests sent before {@code sentBeforeNanos}. */
    List<InFlight> expire(long sentBeforeNanos) {
        lock.lock();
        try {
            List<InFlight> expired = new ArrayList<>();
            for (Iterator<InFlight> it = inFlight.values().iterator(); it.hasNext(); ) {
                InFlight f = it.next();
                if (f.sentAtNanos() - sentBeforeNanos < 0) {
                    expired.add(f);
                    it.remove();
                }
            }
            if (!expired.isEmpty()) {
                changed.signal();
            }
            return expired;
        } finally {
            lock.unlock();
        }
    }

    int size() {
        lock.lock();
        try {
            return inFlight.size();
        } finally {
            lock.unlock();
        }
    }

    /** Refuses further submits and returns every request still waiting for its answer. */
    List<InFlight> close() {
        lock.lock();
        try {
            open = false;
            List<InFlight> all = new ArrayList<>(inFlight.values());
            inFlight.clear();
            changed.signalAll();
            return all;
        } finally {
            lock.unlock();
        }
    }

    void wakeUp() {
        lock.lock();
        try {
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }
}
