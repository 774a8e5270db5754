package org.openemg.web.http;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.ext.Provider;

/**
 * Raises the priority of the worker threads that run requests above Undertow's I/O threads. A worker that
 * finished a request resumes reads on its connection (waking the I/O thread) before it releases the
 * connection's request state, and the I/O thread spins until it does: when the woken I/O thread preempted
 * the worker on a busy machine, it spun through its time slice (17% of WildFly's CPU with single-recipient
 * requests on two cores, bench/RESULTS.md). Takes effect only where the JVM maps Java priorities to the
 * operating system's ({@code -XX:ThreadPriorityPolicy=1}, which on Linux needs root or CAP_SYS_NICE);
 * elsewhere every thread keeps the same priority.
 */
@Provider
@PreMatching
public class RequestThreadPriority implements ContainerRequestFilter {

    @Override
    public void filter(ContainerRequestContext request) {
        raise(Thread.currentThread());
    }

    /** The thread runs at the highest priority its thread group allows from now on. */
    static void raise(Thread worker) {
        int highest = Math.min(Thread.MAX_PRIORITY, worker.getThreadGroup().getMaxPriority());
        if (worker.getPriority() != highest) {
            worker.setPriority(highest);
        }
    }
}
