package org.openemg.rar.smpp.client;

import org.openemg.rar.work.SendResults;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.openemg.rar.api.OutgoingMessage;
import org.openemg.rar.api.SendOutcome;
import org.openemg.rar.api.SendResult;

/**
 * Collects a connector's send results (submits to an SMSC, deliver_sm to clients) and hands them to the
 * sink in groups, at the latest {@code interval} after the first of a group arrived or as soon as
 * {@code groupSize} are waiting,
 * so that the gateway records them with one update per group rather than one per message. A link coming
 * up is handed on in the same order, after the results added before it, so that the gateway releases what
 * those results parked.
 */
public final class ResultFlusher implements Runnable {

    private static final Logger LOG = Logger.getLogger(ResultFlusher.class.getName());

    private final String connector;
    private final SendResults sink;
    private final long intervalNanos;
    private final int groupSize;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private final Condition recordedMore = lock.newCondition();
    private List<SendResult> pending = new ArrayList<>();
    /** Groups of results added while running, and how many of the first of them the sink has returned from. */
    private long added;
    private long recorded;
    /** Someone waits in {@link #awaitRecorded}: what is pending goes now, without lingering for more. */
    private boolean hurry;
    private long firstPendingNanos;
    private boolean linkUpPending;
    private boolean stopping;
    /** While false (before run starts, after it ends) results go straight to the sink. */
    private boolean running;

    public ResultFlusher(String connector, SendResults sink, long intervalNanos, int groupSize) {
        this.connector = connector;
        this.sink = sink;
        this.intervalNanos = intervalNanos;
        this.groupSize = groupSize;
    }

    /** A submit was answered after {@code nanos}: told to the sink at once, it only counts. */
    void answeredAfter(long nanos) {
        sink.answeredAfter(connector, nanos);
    }

    public void add(List<SendResult> results) {
        if (results.isEmpty()) {
            return;
        }
        lock.lock();
        try {
            if (!running) {
                deliver(results);
                return;
            }
            if (pending.isEmpty()) {
                firstPendingNanos = System.nanoTime();
                changed.signal();
            }
            pending.addAll(results);
            added++;
            if (pending.size() >= groupSize) {
                changed.signal();
            }
        } finally {
            lock.unlock();
        }
    }

    /**
     * Returns once the sink has returned from every result added before this call, or after {@code timeoutNanos}:
     * a receipt handled after its submit_sm_resp was recorded finds its part at once, instead of being kept as early
     * in the database and matched again when the result comes (bench/RESULTS.md, "Receipts after their results").
     */
    public void awaitRecorded(long timeoutNanos) {
        lock.lock();
        try {
            long target = added;
            long deadline = System.nanoTime() + timeoutNanos;
            while (running && recorded < target) {
                // with nothing pending the awaited results are with the sink already: the next group may linger
                if (!hurry && !pending.isEmpty()) {
                    hurry = true;
                    changed.signal();
                }
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return;
                }
                recordedMore.awaitNanos(left);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            lock.unlock();
        }
    }

    /** Answers requests no bind will send (none bound, connector stopped) LINK_LOST. */
    public void addLinkLost(List<OutgoingMessage> requests) {
        add(requests, SendOutcome.LINK_LOST);
    }

    /** Answers requests nobody bound now can take NO_RECEIVER: they wait in the gateway for {@link #linkUp}. */
    public void addNoReceiver(List<OutgoingMessage> requests) {
        add(requests, SendOutcome.NO_RECEIVER);
    }

    private void add(List<OutgoingMessage> requests, SendOutcome outcome) {
        List<SendResult> results = new ArrayList<>(requests.size());
        for (OutgoingMessage request : requests) {
            results.add(new SendResult(request.messageId(), outcome, SubmitStatus.NONE, null));
        }
        add(results);
    }

    /** A link of the connector came up: handed on after the results added before this call. */
    public void linkUp() {
        lock.lock();
        try {
            if (!running) {
                announceLinkUp();
                return;
            }
            linkUpPending = true;
            changed.signal();
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void run() {
        lock.lock();
        try {
            running = !stopping;
        } finally {
            lock.unlock();
        }
        while (true) {
            List<SendResult> group;
            long upTo;
            boolean linkUp;
            lock.lock();
            try {
                while (pending.isEmpty() && !linkUpPending) {
                    if (stopping) {
                        running = false;
                        recordedMore.signalAll();
                        return;
                    }
                    changed.awaitUninterruptibly();
                }
                long deadline = firstPendingNanos + intervalNanos;
                while (pending.size() < groupSize && !stopping && !linkUpPending && !hurry) {
                    long left = deadline - System.nanoTime();
                    if (left <= 0) {
                        break;
                    }
                    changed.awaitNanos(left);
                }
                group = pending;
                pending = new ArrayList<>(Math.min(group.size(), groupSize));
                upTo = added;
                hurry = false;
                linkUp = linkUpPending;
                linkUpPending = false;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                running = false;
                recordedMore.signalAll();
                group = pending;
                pending = new ArrayList<>();
                deliver(group);
                return;
            } finally {
                lock.unlock();
            }
            if (!group.isEmpty()) {
                deliver(group);
            }
            markRecorded(upTo);
            if (linkUp) {
                announceLinkUp();
            }
        }
    }

    private void markRecorded(long upTo) {
        lock.lock();
        try {
            recorded = upTo;
            recordedMore.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** Flushes what is pending, then ends {@link #run}. */
    public void stop() {
        lock.lock();
        try {
            stopping = true;
            changed.signal();
        } finally {
            lock.unlock();
        }
    }

    private void announceLinkUp() {
        try {
            sink.linkUp(connector);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, e, () -> "Connector " + connector + ": the gateway was not told that a link is up;"
                    + " what waits for it leaves with the next bind");
        }
    }

    private void deliver(List<SendResult> group) {
        try {
            sink.record(connector, group);
        } catch (RuntimeException e) {
            LOG.log(Level.SEVERE, e, () -> "Connector " + connector + ": the result sink failed on " + group.size()
                    + " results; they are lost to the gateway");
        }
    }
}
