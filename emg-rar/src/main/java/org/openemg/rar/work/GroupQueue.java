package org.openemg.rar.work;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Requests on their way to the gateway in groups: whatever arrived while the previous group was being
 * committed is taken as the next one, at most {@code maxGroup} at a time so that a transaction stays short.
 */
public final class GroupQueue<T> {

    private final int maxGroup;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition arrived = lock.newCondition();
    private final List<T> pending = new ArrayList<>();
    private boolean stopped;

    public GroupQueue(int maxGroup) {
        this.maxGroup = maxGroup;
    }

    public void offer(Collection<T> items) {
        lock.lock();
        try {
            pending.addAll(items);
            arrived.signal();
        } finally {
            lock.unlock();
        }
    }

    /** Wakes every taker with nothing; what was not taken yet is dropped (its sessions are closing). */
    public void stop() {
        lock.lock();
        try {
            stopped = true;
            pending.clear();
            arrived.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** The next group, waiting for one; null once stopped. */
    public List<T> next() {
        lock.lock();
        try {
            while (pending.isEmpty() && !stopped) {
                arrived.awaitUninterruptibly();
            }
            if (stopped) {
                return null;
            }
            List<T> group;
            if (pending.size() <= maxGroup) {
                group = new ArrayList<>(pending);
                pending.clear();
            } else {
                List<T> head = pending.subList(0, maxGroup);
                group = new ArrayList<>(head);
                head.clear();
                arrived.signal();
            }
            return group;
        } finally {
            lock.unlock();
        }
    }
}
