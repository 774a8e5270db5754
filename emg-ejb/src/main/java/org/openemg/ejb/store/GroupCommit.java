package org.openemg.ejb.store;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * One commit for the work of every caller that arrives while the previous commit is running: the
 * first caller to find no commit under way writes all that waits (its own included) in one
 * transaction, the others wait until a commit holding their work is done. No thread of its own:
 * a caller leads, so an idle gateway pays nothing and a lone request commits at once.
 * <p>
 * A group that fails is written again caller by caller, so one bad request cannot fail the
 * requests it happened to arrive with; each caller gets its own outcome.
 * <p>
 * Callers may announce themselves early ({@link #arrive}): a leader then waits up to {@code linger} for the
 * announced callers that have not joined yet, so that requests working their way through the container share
 * a commit instead of each paying one (the bench's single-recipient GETs averaged three requests per commit).
 * Without announced callers on their way, a commit starts at once.
 * <p>
 * Groups may overlap: when the transaction says its statements are done and only its commit is left, the next caller
 * may lead the next group, so that the next group writes while a database elsewhere commits; otherwise the lead passes
 * on after the commit.
 */
public final class GroupCommit<T> {

    private final Transaction<T> transaction;
    private final long lingerNanos;
    private final int fullGroup;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition joined = lock.newCondition();
    private List<Waiting> waiting = new ArrayList<>();
    /** A leader is gathering its group or writing its statements; a group may be committing meanwhile. */
    private boolean leading;
    /** Callers announced by {@link #arrive} that have not closed their arrival yet (those waiting included). */
    private int announced;
    /**
     * Callers whose group is being written: announced ones among them are not on their way any more. Counted whether
     * announced or not, so a leader may linger less than it could, never longer.
     */
    private int inFlight;

    /** Writes a group's items in one transaction and commits, or throws. */
    @FunctionalInterface
    public interface Transaction<T> {
        /** Calls {@code statementsDone} (at most once) when only the commit is left to do. */
        void write(List<T> items, Runnable statementsDone);
    }

    public GroupCommit(Transaction<T> transaction) {
        this(transaction, 0, 1);
    }

    /**
     * @param lingerNanos how long a leader waits at most for announced callers to join
     * @param fullGroup   the group size at which a leader stops waiting
     */
    public GroupCommit(Transaction<T> transaction, long lingerNanos, int fullGroup) {
        this.transaction = transaction;
        this.lingerNanos = lingerNanos;
        this.fullGroup = fullGroup;
    }

    /** A caller on its way to {@link #commit}; closed once it returned from there, or when it will not commit. */
    public interface Arrival extends AutoCloseable {
        @Override
        void close();
    }

    /** Announces a caller that is likely to commit soon; close the arrival when done. */
    public Arrival arrive() {
        lock.lock();
        try {
            announced++;
        } finally {
            lock.unlock();
        }
        return new Arrival() {
            private boolean closed;

            @Override
            public void close() {
                if (closed) {
                    return;
                }
                closed = true;
                lock.lock();
                try {
                    announced--;
                    joined.signal();
                } finally {
                    lock.unlock();
                }
            }
        };
    }

    /** Each caller waits on a condition of its own: a commit wakes its group's callers, a hand-over one next leader. */
    private final class Waiting {
        final T item;
        final Condition wake = lock.newCondition();
        /** In a group being written: its caller waits for that group's outcome, it does not lead another. */
        boolean taken;
        boolean done;
        RuntimeException failure;

        Waiting(T item) {
            this.item = item;
        }
    }

    /** Returns once {@code item} is committed; throws what its transaction threw. */
    public void commit(T item) {
        Waiting mine = new Waiting(item);
        List<Waiting> group;
        lock.lock();
        try {
            waiting.add(mine);
            joined.signal();
            while (!mine.done && (leading || mine.taken)) {
                mine.wake.awaitUninterruptibly();
            }
            if (mine.done) {
                outcome(mine);
                return;
            }
            leading = true;
            lingerForAnnounced();
            group = waiting;
            waiting = new ArrayList<>();
            group.forEach(one -> one.taken = true);
            inFlight += group.size();
        } finally {
            lock.unlock();
        }
        Runnable handOverLead = new Runnable() {
            private boolean done;

            @Override
            public void run() {
                lock.lock();
                try {
                    if (!done) {
                        done = true;
                        leading = false;
                        if (!waiting.isEmpty()) {
                            waiting.get(0).wake.signal();
                        }
                    }
                } finally {
                    lock.unlock();
                }
            }
        };
        try {
            write(group, handOverLead);
        } finally {
            handOverLead.run();
        }
        outcome(mine);
    }

    /** Under the lock, as the leader: waits while announced callers have yet to join, up to the linger. */
    private void lingerForAnnounced() {
        long deadline = System.nanoTime() + lingerNanos;
        while (announced > waiting.size() + inFlight && waiting.size() < fullGroup) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return;
            }
            try {
                joined.awaitNanos(left);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private void write(List<Waiting> group, Runnable statementsDone) {
        try {
            transaction.write(items(group), statementsDone);
            settle(group, null);
        } catch (RuntimeException e) {
            if (group.size() == 1) {
                settle(group, e);
                return;
            }
            for (Waiting one : group) {
                write(List.of(one), () -> { });
            }
        }
    }

    private void settle(List<Waiting> group, RuntimeException failure) {
        lock.lock();
        try {
            for (Waiting one : group) {
                one.failure = failure;
                one.done = true;
                one.wake.signal();
            }
            inFlight -= group.size();
        } finally {
            lock.unlock();
        }
    }

    private List<T> items(List<Waiting> group) {
        List<T> items = new ArrayList<>(group.size());
        for (Waiting one : group) {
            items.add(one.item);
        }
        return items;
    }

    private void outcome(Waiting mine) {
        if (mine.failure != null) {
            throw mine.failure;
        }
    }
}
