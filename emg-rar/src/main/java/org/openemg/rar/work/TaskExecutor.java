package org.openemg.rar.work;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.AbstractExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The adapter's threads as an ExecutorService, for a library that wants one (SubEthaSMTP's sessions, the
 * JDK HTTP client's callbacks): at most {@code limit} threads from {@link TaskThreads}, counted against the
 * adapter's limit; tasks beyond them wait in order for one of those threads, which runs them in turn.
 */
public final class TaskExecutor extends AbstractExecutorService {

    private final TaskThreads threads;
    private final String name;
    private final int limit;
    private final AtomicInteger started = new AtomicInteger();
    private final Object lock = new Object();
    private final Deque<Runnable> waiting = new ArrayDeque<>();
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
                waiting.addLast(task);
                return;
            }
            running++;
        }
        try {
            threads.start(name + "-" + started.incrementAndGet(), () -> runFrom(task));
        } catch (RejectedExecutionException e) {
            synchronized (lock) {
                running--;
                lock.notifyAll();
            }
            throw e;
        }
    }

    /** Runs the task, then whatever waits, until nothing does. */
    private void runFrom(Runnable first) {
        Runnable next = first;
        while (next != null) {
            try {
                next.run();
            } finally {
                synchronized (lock) {
                    next = waiting.pollFirst();
                    if (next == null) {
                        running--;
                        lock.notifyAll();
                    }
                }
            }
        }
    }

    @Override
    public void shutdown() {
        synchronized (lock) {
            shutdown = true;
        }
    }

    /** Refuses new tasks and drops those waiting; running ones end when their sockets close (their owner closes them). */
    @Override
    public List<Runnable> shutdownNow() {
        synchronized (lock) {
            shutdown = true;
            List<Runnable> dropped = List.copyOf(waiting);
            waiting.clear();
            return dropped;
        }
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
