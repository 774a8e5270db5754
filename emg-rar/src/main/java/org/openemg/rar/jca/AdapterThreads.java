package org.openemg.rar.jca;

import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/** The threads of the adapter's connectors: named after their connector and role, daemons, so none outlives the adapter's JVM. */
final class AdapterThreads implements ThreadFactory {

    private final AtomicInteger count = new AtomicInteger();

    @Override
    public Thread newThread(Runnable task) {
        Thread thread = new Thread(task, "emg-connector-" + count.incrementAndGet());
        thread.setDaemon(true);
        return thread;
    }
}
