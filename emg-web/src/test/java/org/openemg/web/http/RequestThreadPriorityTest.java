package org.openemg.web.http;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class RequestThreadPriorityTest {

    @Test
    void aRequestThreadRunsAtTheHighestPriority() throws InterruptedException {
        assertEquals(Thread.MAX_PRIORITY, priorityAfterFilterIn(new ThreadGroup("workers")));
    }

    @Test
    void aThreadGroupThatCapsPrioritiesKeepsItsCapAndTheRequestGoesOn() throws InterruptedException {
        ThreadGroup capped = new ThreadGroup("capped workers");
        capped.setMaxPriority(Thread.NORM_PRIORITY + 1);
        assertEquals(Thread.NORM_PRIORITY + 1, priorityAfterFilterIn(capped));
    }

    private static int priorityAfterFilterIn(ThreadGroup group) throws InterruptedException {
        AtomicInteger priority = new AtomicInteger();
        Thread worker = new Thread(group, () -> {
            new RequestThreadPriority().filter(null);
            priority.set(Thread.currentThread().getPriority());
        });
        worker.setPriority(Thread.NORM_PRIORITY);
        worker.start();
        worker.join();
        return priority.get();
    }
}
