package org.openemg.ejb.dispatch;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.openemg.core.flow.PriorityLine;
import org.openemg.ejb.outlet.Outlet;
import org.openemg.ejb.store.ClaimedPart;

/**
 * The dispatcher of one outgoing connector. What it sends leaves in PRIORITY order, from the table and from
 * memory alike. While it cannot send (no bind up, or held by an operator) it hands its queued rows to the
 * partners their routes name that can (FAILOVER and LB members, fallbacks), so none waits for a bind that is
 * down while a partner is up. Parts accepted on this node come in memory, handed over
 * after their commit (inserted INFLIGHT under a lease); the table is claimed from only when rows were
 * queued there (deferred, retried, parked until a bind, more than memory holds, from another
 * transaction) and when its next queued row falls due. Sleeps until woken (new parts, rows queued,
 * results recorded, a link of the connector up) or that time, never polling an empty queue.
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
    /** Handed-over parts older than this go back to the table long before their lease runs out. */
    private static final long HANDED_MAX_AGE_MS = Dispatchers.LEASE_MS / 2;
    /**
     * Parts memory holds at least before new ones go to the table: at twice the window alone, a commit group of four
     * 100-recipient requests did not fit, and every part paid a claim (a SELECT, an UPDATE and a commit) instead.
     */
    private static final int HAND_OVER_MIN = 10_000;

    /**
     * How often the partners named by the queued rows are read again while the connector cannot send: soon
     * after it stopped (parts lost with a bind come back to the queue), then less often while none is named,
     * so that a long queue parked for a client that is not bound is not read through every few seconds.
     */
    private static final long PARTNERS_REREAD_MIN_MS = 2_000;
    private static final long PARTNERS_REREAD_MAX_MS = 60_000;
    private static final Comparator<ClaimedPart> HIGHER_PRIORITY_FIRST =
            Comparator.comparingInt(ClaimedPart::priority).reversed();

    private record Handed(ClaimedPart part, long at) {
    }

    private final String connector;
    private final Outlet outlet;
    private final DispatchWork work;
    private final DispatchPeers peers;
    private final int maxOutstanding;
    private final int batchSize;
    private final int handOverLimit;
    private final AtomicInteger outstanding = new AtomicInteger();
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition wakeUp = lock.newCondition();
    private final PriorityLine<Handed> handed = new PriorityLine<>();
    private int reserved;
    private boolean woken;
    private boolean tableDue = true;
    /** When the table's next queued row falls due, as of the last claim that left rows behind; null: none queued. */
    private Long nextTableDue;
    private List<String> partners = List.of();
    /** Epoch millis of the last read; 0 so that the first one happens at once without overflowing. */
    private long partnersReadAt;
    private long partnersRereadMs = PARTNERS_REREAD_MIN_MS;
    /** The outlet is ready and the connector not held. */
    private volatile boolean outletReady;
    private volatile boolean running = true;

    DispatchLoop(String connector, Outlet outlet, DispatchWork work, DispatchPeers peers, int maxOutstanding, int batchSize) {
        this.connector = connector;
        this.outlet = outlet;
        this.work = work;
        this.peers = peers;
        this.maxOutstanding = maxOutstanding;
        this.batchSize = batchSize;
        this.handOverLimit = Math.max(2 * maxOutstanding, HAND_OVER_MIN);
    }

    @Override
    public void run() {
        while (running) {
            try {
                boolean wasReady = outletReady;
                outletReady = !peers.held(connector) && outlet.ready();
                if (!outletReady) {
                    if (wasReady) {
                        partnersReadAt = 0;
                        partnersRereadMs = PARTNERS_REREAD_MIN_MS;
                    }
                    requeue(takeHanded(Integer.MAX_VALUE));
                    handToPartners();
                    await();
                    continue;
                }
                int room = maxOutstanding - outstanding.get();
                if (room <= 0) {
                    if (!await()) {
                        // a whole poll without a result: trust the table, not a count a lost group left high
                        outstanding.set(Math.max(0, work.countInflight(connector) - inMemory()));
                    }
                    continue;
                }
                List<ClaimedPart> batch = nextBatch(Math.min(room, batchSize));
                if (batch.isEmpty()) {
                    awaitDue(nextTableDue);
                    continue;
                }
                outstanding.addAndGet(batch.size());
                try {
                    outlet.send(batch);
                } catch (RuntimeException e) {
                    // unsent rows stay INFLIGHT and are requeued when their lease runs out
                    outstanding.addAndGet(-batch.size());
                    throw e;
                }
            } catch (RuntimeException e) {
                if (running) {
                    LOG.log(Level.WARNING, "dispatcher of " + connector + " failed; retrying", e);
                    await();
                }
            }
        }
        try {
            requeue(takeHanded(Integer.MAX_VALUE));
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "dispatcher of " + connector + ": parts handed over stay in flight until start-up", e);
        }
    }

    /** Rows due in the table first when there may be some (retries are not starved by new parts), then memory. */
    private List<ClaimedPart> nextBatch(int limit) {
        List<ClaimedPart> fromTable = List.of();
        if (takeTableDue()) {
            fromTable = work.claim(connector, limit, Dispatchers.LEASE_MS);
            if (fromTable.size() == limit) {
                wake();
            } else {
                nextTableDue = work.nextDueAt(connector);
            }
        }
        long staleBefore = System.currentTimeMillis() - HANDED_MAX_AGE_MS;
        List<Handed> fromMemory = takeHanded(limit - fromTable.size());
        // sized by what came, not by the window's room: a batch is mostly a part or two while the window has hundreds
        List<ClaimedPart> batch = new ArrayList<>(fromTable.size() + fromMemory.size());
        batch.addAll(fromTable);
        List<Handed> stale = new ArrayList<>(0);
        for (Handed h : fromMemory) {
            if (h.at() < staleBefore) {
                stale.add(h);
            } else {
                batch.add(h.part());
            }
        }
        requeue(stale);
        batch.sort(HIGHER_PRIORITY_FIRST);
        return batch;
    }

    /** Queued rows go to the first partner named by their routes that can send now. */
    private void handToPartners() {
        long now = System.currentTimeMillis();
        if (now - partnersReadAt >= partnersRereadMs) {
            partners = work.partnersOfQueued(connector);
            partnersReadAt = now;
            partnersRereadMs = partners.isEmpty()
                    ? Math.min(PARTNERS_REREAD_MAX_MS, 2 * partnersRereadMs) : PARTNERS_REREAD_MIN_MS;
        }
        for (String partner : partners) {
            if (peers.sendsNow(partner)) {
                int moved = work.moveToPartner(connector, partner);
                if (moved > 0) {
                    LOG.info(() -> connector + " cannot send; " + moved + " queued message parts go by " + partner);
                    peers.wake(partner);
                }
            }
        }
    }

    /** Whether parts handed over now would be sent: the outlet is ready and the connector not held. */
    boolean sendsNow() {
        return running && outletReady;
    }

    /**
     * Room in memory for {@code parts} parts about to be committed INFLIGHT; false sends them to the
     * table instead (outlet down, memory full, loop stopping).
     */
    boolean reserve(int parts) {
        lock.lock();
        try {
            if (!running || !outletReady || peers.held(connector) || reserved + handed.size() + parts > handOverLimit) {
                return false;
            }
            reserved += parts;
            return true;
        } finally {
            lock.unlock();
        }
    }

    /** The commit of reserved parts failed: nothing comes. */
    void release(int parts) {
        lock.lock();
        try {
            reserved -= parts;
        } finally {
            lock.unlock();
        }
    }

    /** Reserved parts, now committed. */
    void handOver(List<ClaimedPart> parts) {
        long now = System.currentTimeMillis();
        lock.lock();
        try {
            reserved -= parts.size();
            for (ClaimedPart part : parts) {
                handed.add(part.priority(), new Handed(part, now));
            }
            woken = true;
            wakeUp.signal();
        } finally {
            lock.unlock();
        }
    }

    /** Results for {@code count} parts were recorded; {@code requeued}: some went back to the table for a later try. */
    void settled(int count, boolean requeued) {
        outstanding.addAndGet(-count);
        signal(requeued);
    }

    /** Rows were queued in the table. */
    void wake() {
        signal(true);
    }

    private void signal(boolean rowsQueued) {
        lock.lock();
        try {
            tableDue |= rowsQueued;
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

    private boolean takeTableDue() {
        lock.lock();
        try {
            boolean due = tableDue;
            tableDue = false;
            return due;
        } finally {
            lock.unlock();
        }
    }

    private List<Handed> takeHanded(int limit) {
        lock.lock();
        try {
            List<Handed> taken = new ArrayList<>(Math.min(limit, handed.size()));
            while (taken.size() < limit && !handed.isEmpty()) {
                taken.add(handed.poll());
            }
            return taken;
        } finally {
            lock.unlock();
        }
    }

    private int inMemory() {
        lock.lock();
        try {
            return handed.size() + reserved;
        } finally {
            lock.unlock();
        }
    }

    /** Parts that will not leave from memory go back to the table, due now. */
    private void requeue(List<Handed> parts) {
        if (parts.isEmpty()) {
            return;
        }
        List<Long> ids = new ArrayList<>(parts.size());
        parts.forEach(h -> ids.add(h.part().id()));
        work.requeue(ids);
        wake();
    }

    /** Sleeps until woken or until {@code dueAt} (null: nothing queued), at most {@link #IDLE_MS}. */
    private void awaitDue(Long dueAt) {
        await(sleepMillis(dueAt, System.currentTimeMillis()));
    }

    static long sleepMillis(Long dueAt, long now) {
        long sleep = dueAt == null ? IDLE_MS : dueAt - now;
        return Math.max(MIN_SLEEP_MS, Math.min(IDLE_MS, sleep));
    }

    /** Sleeps until woken or a poll interval passed; true when woken. Not woken, it looks at the table again. */
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
            if (!wasWoken) {
                tableDue = true;
            }
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
