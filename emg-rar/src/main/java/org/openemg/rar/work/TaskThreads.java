package org.openemg.rar.work;

import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;

/**
 * Where the adapter's long-running tasks (a bind's sender, a link's reader, a connector's watchdog) get
 * their thread: one place that bounds them all, so that no socket starts a thread nobody counts.
 */
public interface TaskThreads {

    /**
     * Runs {@code task} on a thread of its own, named {@code name} while it runs.
     *
     * @return done when the task has returned
     * @throws RejectedExecutionException when every thread is taken: the caller gives up what needed it
     */
    Future<?> start(String name, Runnable task);
}
