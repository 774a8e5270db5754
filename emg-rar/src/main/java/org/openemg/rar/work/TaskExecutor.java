package org.openemg.rar.work;

import java.util.List;
import java.util.concurrent.AbstractExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The adapter's threads as an ExecutorService, for a library that wants one (SubEthaSMTP's sessions):
 * every task gets a thread of its own from {@link TaskThreads}, counted against the adapter's limit, and
 * at most {@code limit} of this executor's tasks run at once.
 */
public final class TaskExecutor extends AbstractExecutorService {

    private final TaskThreads threads;
    private final String name;
    private final int limit;
    private final AtomicInteger started = new AtomicInteger();
    private final Object lock = new Object();
    private int running;
    private boolean shutdown;

    public TaskExecutor(TaskThreads threads, String name, int limit) {
        this.threads = threads;
        this.name = name;
        this.limit = limit;
    }

    @Override
    public void execute(Runnable task) {
        synchronized (lock) {
            if (shutdown) {
                throw new RejectedExecutionException(name + " is stopped");
            }
            if (running >= limit) {
                throw new RejectedExecutionException(name + " runs its " + limit + " tasks already");
            }
            running++;
        }
        try {
            threads.start(name + "-" + started.incrementAndGet(), () -> {
                try {
                    task.run();
                } finally {
                    finished();
                }
            });
        } catch (RejectedExecutionException e) {
            finished();
            throw e;
        }
    }

    private void finished() {
        synchronized (lock) {
            running--;
            lock.notifyAll();
        }
    }

    @Override
    public void shutdown() {
        synchronized (lock) {
            shutdown = true;
        }
    }

    /** Refuses new tasks; running ones end when their sockets close (their owner closes them). */
    @Override
    public List<Runnable> shutdownNow() {
        shutdown();
        return List.of();
    }

    @Override
    public boolean isShutdown() {
        synchronized (lock) {
            return shutdown;
        }
    }

    @Override
    public boolean isTerminated() {
        synchronized (lock) {
            return shutdown && running == 0;
        }
    }

    @Override
    public boolean awaitTermination(long timeout, TimeUnit unit) throws InterruptedException {
        long deadline = System.nanoTime() + unit.toNanos(timeout);
        synchronized (lock) {
            while (!(shutdown && running == 0)) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                TimeUnit.NANOSECONDS.timedWait(lock, left);
            }
            return true;
        }
    }
}
