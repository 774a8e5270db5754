package org.openemg.rar.work;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Future;
import java.util.concurrent.FutureTask;

/** Task threads for tests: a new daemon thread per task, unbounded; it remembers the threads it started. */
public final class ThreadPerTask implements TaskThreads {

    private final List<Thread> started = new CopyOnWriteArrayList<>();

    @Override
    public Future<?> start(String name, Runnable task) {
        FutureTask<Void> running = new FutureTask<>(task, null);
        Thread thread = new Thread(running, name);
        thread.setDaemon(true);
        started.add(thread);
        thread.start();
        return running;
    }

    /** The threads started so far with this name. */
    public List<Thread> named(String name) {
        return started.stream().filter(t -> t.getName().equals(name)).toList();
    }
}
