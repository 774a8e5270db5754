package org.openemg.rar.smpp.client;

import org.openemg.rar.work.SendResults;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.logging.Logger;
import org.openemg.core.config.BindMode;
import org.openemg.rar.api.OutgoingMessage;
import org.openemg.rar.work.TaskThreads;

/**
 * One outgoing SMPP connector: INSTANCES binds to one SMSC sharing one queue of submits, each with its
 * own window of WINDOWSIZE unanswered submit_sm. Threads, all from the {@link TaskThreads} it is given:
 * per bind one sender (which also connects, rebinds and sends enquire_link) and one reader while it is
 * connected; per connector one that hands results to the {@link SendResults} in groups, and one
 * watchdog over its links. Every request passed to {@link #submit} gets exactly one result.
 */
public final class SmppClientConnector {

    private static final Logger LOG = Logger.getLogger(SmppClientConnector.class.getName());

    private final ConnectorParts parts;
    private final List<SmscBind> binds = new ArrayList<>();
    private final List<Future<?>> bindTasks = new ArrayList<>();
    private Future<?> flusherTask;
    private Future<?> deliveriesTask;
    private Future<?> watchdogTask;

    public SmppClientConnector(OutgoingSmppSettings settings, SendResults results, DeliverHandler deliveries,
                               TaskThreads threads) {
        this(settings, results, deliveries, threads, ClientTimings.DEFAULT);
    }

    SmppClientConnector(OutgoingSmppSettings settings, SendResults results, DeliverHandler deliveries,
                        TaskThreads threads, ClientTimings timings) {
        this(ConnectorParts.of(settings, results, deliveries, threads, timings));
    }

    SmppClientConnector(ConnectorParts parts) {
        this.parts = parts;
    }

    /**
     * Starts the binds; each connects and reconnects on its own. Call once.
     *
     * @throws RejectedExecutionException when the adapter has no threads left for them (nothing keeps running)
     */
    public synchronized void start() {
        OutgoingSmppSettings settings = parts.settings();
        LOG.info(() -> "Starting SMPP connector " + settings);
        try {
            flusherTask = parts.threads().start(threadName("results"), parts.results());
            deliveriesTask = parts.threads().start(threadName("deliveries"), parts.deliveries());
            for (int i = 0; i < Math.max(1, settings.instances()); i++) {
                SmscBind bind = new SmscBind(parts, i);
                bindTasks.add(parts.threads().start(threadName("bind-" + i), bind));
                binds.add(bind);
            }
            watchdogTask = parts.threads().start(threadName("watchdog"), parts.watchdog());
        } catch (RejectedExecutionException e) {
            stop();
            throw e;
        }
    }

    /**
     * Unbinds every bind (waiting a few seconds for unbind_resp), then closes. Queued requests and those
     * still unanswered at the end are answered LINK_LOST; all results are delivered before this returns.
     */
    public synchronized void stop() {
        if (parts.stop().isGiven()) {
            return;
        }
        parts.stop().give();
        parts.results().addLinkLost(parts.queue().close());
        binds.forEach(SmscBind::wakeUp);
        ClientTimings timings = parts.timings();
        long deadline = System.nanoTime() + timings.unbindResponse().toNanos() + timings.bindResponse().toNanos();
        for (int i = 0; i < bindTasks.size(); i++) {
            if (!awaitEnd(bindTasks.get(i), Math.max(1, deadline - System.nanoTime()))) {
                binds.get(i).abort();
                awaitEnd(bindTasks.get(i), TimeUnit.SECONDS.toNanos(1));
            }
        }
        parts.watchdog().stop();
        awaitEnd(watchdogTask, TimeUnit.SECONDS.toNanos(1));
        parts.deliveries().stop();
        awaitEnd(deliveriesTask, TimeUnit.SECONDS.toNanos(5));
        parts.results().stop();
        awaitEnd(flusherTask, TimeUnit.SECONDS.toNanos(5));
        LOG.info(() -> "Stopped SMPP connector " + parts.settings().connector());
    }

    /**
     * Queues a batch and returns at once. When no bind can send it now, the whole batch is answered
     * LINK_LOST (through the sink, like every result).
     */
    public void submit(List<OutgoingMessage> batch) {
        if (!batch.isEmpty() && !parts.queue().offer(batch)) {
            parts.results().addLinkLost(batch);
        }
    }

    /** Binds bound right now (receivers included). */
    public int boundCount() {
        return parts.bound().count();
    }

    /** Bound binds that take submits: none on a RECEIVER connector. */
    public int submittingCount() {
        return parts.settings().mode() == BindMode.RECEIVER ? 0 : parts.bound().count();
    }

    /** Submits sent on all binds and not answered yet. */
    public int windowInUse() {
        List<SmscBind> started;
        synchronized (this) {
            started = List.copyOf(binds);
        }
        int inUse = 0;
        for (SmscBind bind : started) {
            inUse += bind.windowInUse();
        }
        return inUse;
    }

    /** @return whether the task ended (a task never started counts as ended) */
    private static boolean awaitEnd(Future<?> task, long nanos) {
        if (task == null) {
            return true;
        }
        try {
            task.get(nanos, TimeUnit.NANOSECONDS);
            return true;
        } catch (TimeoutException e) {
            return false;
        } catch (ExecutionException e) {
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private String threadName(String role) {
        return "smpp-" + parts.settings().connector() + "-" + role;
    }
}
