package org.openemg.rar.jca;

import java.time.Duration;
import java.util.concurrent.Future;
import java.util.concurrent.FutureTask;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.openemg.rar.work.TaskThreads;

/**
 * Every thread the adapter's connectors run on: one pool the adapter owns and sizes, apart from WildFly's
 * JCA WorkManager, whose 50 long-running threads (shared with every other adapter, Artemis's included)
 * would not carry a few dozen binds, each holding a thread for as long as it is connected. A task that
 * finds every thread taken is refused, never queued: a queued reader would leave its link unread.
 */
final class AdapterThreads implements TaskThreads {

    /** Room for about 450 binds at two threads each, plus every connector's two. */
    static final int DEFAULT_LIMIT = 1000;
    private static final Logger LOG = Logger.getLogger(AdapterThreads.class.getName());

    private final int limit;
    private final ThreadPoolExecutor pool;
    private final AtomicInteger created = new AtomicInteger();
    /** Set by the first refusal after a time without any, so that only that one is logged as a warning. */
    private final AtomicBoolean exhausted = new AtomicBoolean();

    AdapterThreads(int limit) {
        this.limit = limit;
        ClassLoader adapterLoader = AdapterThreads.class.getClassLoader();
        this.pool = new ThreadPoolExecutor(0, limit, 60, TimeUnit.SECONDS, new SynchronousQueue<>(), task -> {
            Thread thread = new Thread(task, idleName());
            thread.setDaemon(true);
            // not the loader of whichever deployment happened to start the first task on it
            thread.setContextClassLoader(adapterLoader);
            return thread;
        });
    }

    @Override
    public Future<?> start(String name, Runnable task) {
        FutureTask<Void> running = new FutureTask<>(() -> run(name, task), null);
        try {
            pool.execute(running);
        } catch (RejectedExecutionException e) {
            String refusal = "all " + limit + " adapter threads are taken: " + name + " not started";
            LOG.log(exhausted.compareAndSet(false, true) ? Level.WARNING : Level.FINE,
                    refusal + " (raise -Demg.rar.threads, or run fewer binds)");
            throw new RejectedExecutionException(refusal, e);
        }
        exhausted.set(false);
        return running;
    }

    /** Lets the tasks end (connectors are stopped first), interrupting what is left after {@code wait}. */
    void shutdown(Duration wait) {
        pool.shutdown();
        try {
            if (!pool.awaitTermination(wait.toNanos(), TimeUnit.NANOSECONDS)) {
                LOG.warning(() -> pool.getActiveCount() + " adapter threads still busy at its stop: interrupted");
                pool.shutdownNow();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            pool.shutdownNow();
        }
    }

    private static void run(String name, Runnable task) {
        Thread thread = Thread.currentThread();
        String idle = thread.getName();
        thread.setName(name);
        try {
            task.run();
        } catch (RuntimeException | Error e) {
            LOG.log(Level.SEVERE, "adapter task " + name + " failed", e);
            throw e;
        } finally {
            thread.setName(idle);
        }
    }

    private String idleName() {
        return "emg-rar-" + created.incrementAndGet();
    }
}
