package org.openemg.web.http;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.ext.Provider;

/**
 * Request threads outrank Undertow's I/O threads: a worker wakes its connection's I/O thread before releasing the
 * request state, and a woken I/O thread that preempted it spun until it ran again (bench/RESULTS.md). Effective
 * only with {@code -XX:ThreadPriorityPolicy=1} and the right to raise priorities (root or CAP_SYS_NICE).
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
