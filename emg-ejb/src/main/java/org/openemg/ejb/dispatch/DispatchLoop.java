package org.openemg.ejb.dispatch;

import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.openemg.ejb.outlet.Outlet;
import org.openemg.ejb.store.ClaimedPart;

/**
 * The dispatcher of one outgoing connector: claims due rows in batches while its outlet has room and
 * sleeps until woken (new messages committed, results recorded, a link of the connector up) or until
 * the next queued row falls due (a retry, DELTIME), never polling an empty queue.
 */
final class DispatchLoop implements Runnable {

    private static final Logger LOG = Logger.getLogger(DispatchLoop.class.getName());
    /** How often an outlet that is not ready, or whose window stays full, is looked at again. */
    private static final long POLL_MS = 1_000;
    /** The longest sleep with nothing due: a safety net should some change of the queue not wake the dispatcher. */
    private static final long IDLE_MS = 60_000;
    /** The shortest sleep before a row due "now" is claimed again, so that a clock step cannot make a busy loop. */
    private static final long MIN_SLEEP_MS = 10;
    private static final long STOP_WAIT_MS = 10_000;
    /** Longer than a full window can wait in the adapter (4 windows x the 60 s response timeout). */
    private static final long LEASE_MS = 600_000;

    private final String connector;
    private final Outlet outlet;
    private final DispatchWork work;
    private final int maxOutstanding;
    private final int batchSize;
    private final AtomicInteger outstanding = new AtomicInteger();
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition wakeUp = lock.newCondition();
    private boolean woken;
    private volatile boolean running = true;

    DispatchLoop(String connector, Outlet outlet, DispatchWork work, int maxOutstanding, int batchSize) {
        this.connector = connector;
        this.outlet = outlet;
        this.work = work;
        this.maxOutstanding = maxOutstanding;
        this.batchSize = batchSize;
    }

    @Override
    public void run() {
        while (running) {
            try {
                int room = maxOutstanding - outstanding.get();
                if (!outlet.ready()) {
                    await();
                    continue;
                }
                if (room <= 0) {
                    if (!await()) {
                        // a whole poll without a result: trust the table, not a count a lost group left high
                        outstanding.set(work.countInflight(connector));
                    }
                    continue;
                }
                List<ClaimedPart> claimed = work.claim(connector, Math.min(room, batchSize), LEASE_MS);
                if (claimed.isEmpty()) {
                    awaitDue(work.nextDueAt(connector));
                    continue;
                }
                outstanding.addAndGet(claimed.size());
                try {
                    outlet.send(claimed);
                } catch (RuntimeException e) {
                    // unsent rows stay INFLIGHT and are requeued when their lease runs out
                    outstanding.addAndGet(-claimed.size());
                    throw e;
                }
            } catch (RuntimeException e) {
                if (running) {
                    LOG.log(Level.WARNING, "dispatcher of " + connector + " failed; retrying", e);
                    await();
                }
            }
        }
    }

    /** Results for {@code count} parts were recorded. */
    void settled(int count) {
        outstanding.addAndGet(-count);
        wake();
    }

    void wake() {
        lock.lock();
        try {
            woken = true;
            wakeUp.signal();
        } finally {
            lock.unlock();
        }
    }

    /** Stops claiming and waits for a batch being handed over. */
    void stop(Thread runner) {
        running = false;
        wake();
        try {
            runner.join(STOP_WAIT_MS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Sleeps until woken or until {@code dueAt} (null: nothing queued), at most {@link #IDLE_MS}. */
    private void awaitDue(Long dueAt) {
        await(sleepMillis(dueAt, System.currentTimeMillis()));
    }

    static long sleepMillis(Long dueAt, long now) {
        long sleep = dueAt == null ? IDLE_MS : dueAt - now;
        return Math.max(MIN_SLEEP_MS, Math.min(IDLE_MS, sleep));
    }

    /** Sleeps until woken or a poll interval passed; true when woken. */
    private boolean await() {
        return await(POLL_MS);
    }

    private boolean await(long millis) {
        lock.lock();
        try {
            if (!woken) {
                wakeUp.await(millis, TimeUnit.MILLISECONDS);
            }
            boolean wasWoken = woken;
            woken = false;
            return wasWoken;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
            return false;
        } finally {
            lock.unlock();
        }
    }
}
