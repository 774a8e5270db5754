package org.openemg.rar.smpp.client;

import java.util.ArrayList;
import org.openemg.core.config.BindMode;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.openemg.rar.api.SendOutcome;
import org.openemg.rar.api.OutgoingMessage;
import org.openemg.rar.api.SendResult;

/**
 * One outgoing SMPP connector: INSTANCES binds to one SMSC sharing one queue of submits, each with its
 * own window of WINDOWSIZE unanswered submit_sm. Threads: per bind one sender thread (which also
 * connects, rebinds and sends enquire_link) and one reader thread per connection; per connector one
 * thread that hands results to the {@link SubmitResultSink} in groups, and one watchdog that expires
 * unanswered submits and closes links gone dead or stalled. Every request passed to {@link #submit}
 * gets exactly one result.
 */
public final class SmppClientConnector {

    private static final Logger LOG = Logger.getLogger(SmppClientConnector.class.getName());

    private final OutgoingSmppSettings settings;
    private final DeliverHandler deliveries;
    private final ThreadFactory threads;
    private final ClientTimings timings;
    private final SubmitQueue queue = new SubmitQueue();
    private final ResultFlusher results;
    private final SubmitSmComposer composer = new SubmitSmComposer();
    private final AtomicInteger bound = new AtomicInteger();
    private final CountDownLatch stopped = new CountDownLatch(1);
    private final List<SmscBind> binds = new ArrayList<>();
    private final List<Thread> bindThreads = new ArrayList<>();
    private Thread flusherThread;
    private Thread watchdogThread;
    private volatile boolean stopping;

    public SmppClientConnector(OutgoingSmppSettings settings, SubmitResultSink results, DeliverHandler deliveries,
                               ThreadFactory threads) {
        this(settings, results, deliveries, threads, ClientTimings.DEFAULT);
    }

    SmppClientConnector(OutgoingSmppSettings settings, SubmitResultSink results, DeliverHandler deliveries,
                        ThreadFactory threads, ClientTimings timings) {
        this.settings = settings;
        this.deliveries = deliveries;
        this.threads = threads;
        this.timings = timings;
        this.results = new ResultFlusher(settings.connector(), results, timings.resultFlushInterval().toNanos(),
                timings.resultFlushSize());
    }

    /** Starts the binds; each connects and reconnects on its own. Call once. */
    public synchronized void start() {
        LOG.info(() -> "Starting SMPP connector " + settings);
        flusherThread = newThread(results, "results");
        flusherThread.start();
        for (int i = 0; i < Math.max(1, settings.instances()); i++) {
            SmscBind bind = new SmscBind(this, i);
            binds.add(bind);
            Thread thread = newThread(bind, "bind-" + i);
            bindThreads.add(thread);
            thread.start();
        }
        watchdogThread = newThread(this::watch, "watchdog");
        watchdogThread.start();
    }

    /**
     * Unbinds every bind (waiting a few seconds for unbind_resp), then closes. Queued requests and those
     * still unanswered at the end are answered LINK_LOST; all results are delivered before this returns.
     */
    public synchronized void stop() {
        if (stopping) {
            return;
        }
        stopping = true;
        answerLinkLost(queue.close());
        stopped.countDown();
        binds.forEach(SmscBind::wakeUp);
        long deadline = System.nanoTime() + timings.unbindResponse().toNanos() + timings.bindResponse().toNanos();
        try {
            for (int i = 0; i < bindThreads.size(); i++) {
                TimeUnit.NANOSECONDS.timedJoin(bindThreads.get(i), Math.max(1, deadline - System.nanoTime()));
                if (bindThreads.get(i).isAlive()) {
                    binds.get(i).abort();
                    bindThreads.get(i).join(TimeUnit.SECONDS.toMillis(1));
                }
            }
            if (watchdogThread != null) {
                watchdogThread.join(TimeUnit.SECONDS.toMillis(1));
            }
            results.stop();
            if (flusherThread != null) {
                flusherThread.join(TimeUnit.SECONDS.toMillis(5));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        LOG.info(() -> "Stopped SMPP connector " + settings.connector());
    }

    /**
     * Queues a batch and returns at once. When no bind can send it now, the whole batch is answered
     * LINK_LOST (through the sink, like every result).
     */
    public void submit(List<OutgoingMessage> batch) {
        if (!batch.isEmpty() && !queue.offer(batch)) {
            answerLinkLost(batch);
        }
    }

    /** Binds bound right now (receivers included). */
    public int boundCount() {
        return bound.get();
    }

    /** Bound binds that take submits: none on a RECEIVER connector. */
    public int submittingCount() {
        return settings.mode() == BindMode.RECEIVER ? 0 : bound.get();
    }

    OutgoingSmppSettings settings() {
        return settings;
    }

    ClientTimings timings() {
        return timings;
    }

    SubmitQueue queue() {
        return queue;
    }

    ResultFlusher results() {
        return results;
    }

    SubmitSmComposer composer() {
        return composer;
    }

    DeliverHandler deliveries() {
        return deliveries;
    }

    boolean isStopping() {
        return stopping;
    }

    void bindUp(boolean takesSubmits) {
        bound.incrementAndGet();
        if (takesSubmits) {
            queue.takerBound();
        }
    }

    void bindLost(boolean takesSubmits) {
        bound.decrementAndGet();
        if (takesSubmits) {
            answerLinkLost(queue.takerLost());
        }
    }

    void answerLinkLost(List<OutgoingMessage> requests) {
        List<SendResult> lost = new ArrayList<>(requests.size());
        for (OutgoingMessage request : requests) {
            lost.add(new SendResult(request.messageId(), SendOutcome.LINK_LOST, SubmitStatus.NONE, null));
        }
        results.add(lost);
    }

    /**
     * Looks at every bind about once a second (more often for short timeouts) until the connector stops.
     * It runs apart from the binds' threads because an SMSC that stops reading blocks them in a write.
     */
    private void watch() {
        long tick = Math.max(TimeUnit.MILLISECONDS.toNanos(10), Math.min(TimeUnit.SECONDS.toNanos(1),
                Math.min(timings.submitResponse().toNanos(), timings.enquireLinkResponse().toNanos()) / 2));
        try {
            while (!stopped.await(tick, TimeUnit.NANOSECONDS)) {
                long now = System.nanoTime();
                for (SmscBind bind : binds) {
                    try {
                        bind.watch(now);
                    } catch (RuntimeException e) {
                        LOG.log(Level.SEVERE, "SMPP watchdog failed", e);
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Waits before a reconnect; returns early when the connector stops. */
    void pause(long nanos) {
        try {
            stopped.await(nanos, TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    Thread newThread(Runnable task, String role) {
        Thread thread = threads.newThread(task);
        thread.setName("smpp-" + settings.connector() + "-" + role);
        return thread;
    }
}
