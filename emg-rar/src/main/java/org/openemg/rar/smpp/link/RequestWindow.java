package org.openemg.rar.smpp.link;

import java.util.function.LongConsumer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The requests one end of a link sent and the other has not answered yet (submit_sm from a client,
 * deliver_sm from a server), by sequence number, at most a fixed number. Each request leaves it exactly
 * once: answered, expired, or handed back when the window closes with its link.
 */
public final class RequestWindow<T> {

    private record InFlight<T>(T request, long sentAtNanos) {
    }

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private final Map<Integer, InFlight<T>> inFlight;
    private final int capacity;
    private final LongConsumer answeredAfterNanos;
    private boolean open = true;

    public RequestWindow(int capacity) {
        this(capacity, nanos -> { });
    }

    /** @param answeredAfterNanos told how long each answered request waited for its answer */
    public RequestWindow(int capacity, LongConsumer answeredAfterNanos) {
        this.answeredAfterNanos = answeredAfterNanos;
        if (capacity < 1) {
            throw new IllegalArgumentException("a window holds at least one request, not " + capacity);
        }
        this.capacity = capacity;
        this.inFlight = new HashMap<>(capacity * 2);
    }

    /**
     * Free slots; when there are none, waits until a slot frees, {@link #wakeUp}, or {@code deadlineNanos}
     * (System.nanoTime), whichever comes first, so 0 is a normal answer.
     */
    public int awaitRoom(long deadlineNanos) throws InterruptedException {
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

    /** Waits until {@code deadlineNanos}, or until the window changes, closes or is woken. */
    public void await(long deadlineNanos) throws InterruptedException {
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
    boolean register(int[] sequenceNumbers, List<T> requests, long nowNanos) {
        lock.lock();
        try {
            if (!open) {
                return false;
            }
            for (int i = 0; i < requests.size(); i++) {
                inFlight.put(sequenceNumbers[i], new InFlight<>(requests.get(i), nowNanos));
            }
            return true;
        } finally {
            lock.unlock();
        }
    }

    /** @return the request answered by this sequence number, or null when it is not (or no longer) waiting */
    T complete(int sequenceNumber) {
        InFlight<T> done;
        lock.lock();
        try {
            done = inFlight.remove(sequenceNumber);
            if (done == null) {
                return null;
            }
            changed.signal();
        } finally {
            lock.unlock();
        }
        answeredAfterNanos.accept(System.nanoTime() - done.sentAtNanos());
        return done.request();
    }

    /** Removes and returns the requests sent before {@code sentBeforeNanos}. */
    List<T> expire(long sentBeforeNanos) {
        lock.lock();
        try {
            List<T> expired = new ArrayList<>();
            for (Iterator<InFlight<T>> it = inFlight.values().iterator(); it.hasNext(); ) {
                InFlight<T> f = it.next();
                if (f.sentAtNanos() - sentBeforeNanos < 0) {
                    expired.add(f.request());
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

    /** Requests registered and not yet answered. */
    public int size() {
        lock.lock();
        try {
            return inFlight.size();
        } finally {
            lock.unlock();
        }
    }

    /** Refuses further requests and returns every request still waiting for its answer. */
    List<T> close() {
        lock.lock();
        try {
            open = false;
            List<T> all = new ArrayList<>(inFlight.size());
            inFlight.values().forEach(f -> all.add(f.request()));
            inFlight.clear();
            changed.signalAll();
            return all;
        } finally {
            lock.unlock();
        }
    }

    /** Wakes whoever waits in {@link #awaitRoom} or {@link #await}, to look at something else that changed. */
    public void wakeUp() {
        lock.lock();
        try {
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }
}
