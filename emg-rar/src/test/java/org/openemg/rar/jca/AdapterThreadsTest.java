package org.openemg.rar.jca;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class AdapterThreadsTest {

    private final AdapterThreads threads = new AdapterThreads(3);
    private final CountDownLatch release = new CountDownLatch(1);

    @AfterEach
    void stop() {
        release.countDown();
        threads.shutdown(Duration.ofSeconds(5));
    }

    @Test
    void refusesTheTaskBeyondItsLimitAndTakesOneAgainWhenAThreadIsFree() throws Exception {
        CountDownLatch running = new CountDownLatch(3);
        List<Future<?>> tasks = new ArrayList<>();
        CountDownLatch releaseFirst = new CountDownLatch(1);
        tasks.add(threads.start("first", () -> {
            running.countDown();
            await(releaseFirst);
        }));
        for (int i = 0; i < 2; i++) {
            tasks.add(threads.start("held-" + i, () -> {
                running.countDown();
                await(release);
            }));
        }
        assertTrue(running.await(30, TimeUnit.SECONDS));

        RejectedExecutionException refused = assertThrows(RejectedExecutionException.class,
                () -> threads.start("one too many", () -> { }));
        assertTrue(refused.getMessage().contains("all 3 adapter threads are taken: one too many"), refused.getMessage());

        releaseFirst.countDown();
        tasks.get(0).get(30, TimeUnit.SECONDS);
        Future<?> again = startWhenFree("again");
        again.get(30, TimeUnit.SECONDS);
    }

    @Test
    void aTaskRunsUnderItsNameWithTheAdaptersClassLoaderAndTheThreadIsReused() throws Exception {
        AtomicReference<Thread> first = new AtomicReference<>();
        AtomicReference<String> name = new AtomicReference<>();
        AtomicReference<ClassLoader> loader = new AtomicReference<>();
        threads.start("smpp-out1-bind-0", () -> {
            first.set(Thread.currentThread());
            name.set(Thread.currentThread().getName());
            loader.set(Thread.currentThread().getContextClassLoader());
        }).get(30, TimeUnit.SECONDS);

        assertEquals("smpp-out1-bind-0", name.get());
        assertEquals(AdapterThreads.class.getClassLoader(), loader.get());
        assertTrue(first.get().isDaemon());
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (first.get().getState() != Thread.State.TIMED_WAITING) {
            assertTrue(System.nanoTime() < deadline, "the thread did not go back to the pool");
            Thread.sleep(5);
        }
        AtomicReference<Thread> second = new AtomicReference<>();
        threads.start("smpp-out1-reader", () -> second.set(Thread.currentThread())).get(30, TimeUnit.SECONDS);
        assertEquals(first.get(), second.get(), "an idle thread takes the next task");
        assertTrue(first.get().getName().startsWith("emg-rar-"), "its idle name is back: " + first.get().getName());
    }

    @Test
    void aFailingTaskEndsItsFutureAndFreesItsThread() throws Exception {
        Future<?> failed = threads.start("failing", () -> {
            throw new IllegalStateException("broken");
        });

        ExecutionException e = assertThrows(ExecutionException.class, () -> failed.get(30, TimeUnit.SECONDS));
        assertEquals("broken", e.getCause().getMessage());
        for (int i = 0; i < 3; i++) {
            startWhenFree("after-" + i).get(30, TimeUnit.SECONDS);
        }
    }

    @Test
    void shutdownInterruptsTasksStillRunningAfterItsWait() throws Exception {
        CountDownLatch running = new CountDownLatch(1);
        Future<?> stuck = threads.start("stuck", () -> {
            running.countDown();
            try {
                new CountDownLatch(1).await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        assertTrue(running.await(30, TimeUnit.SECONDS));

        threads.shutdown(Duration.ofMillis(100));

        stuck.get(30, TimeUnit.SECONDS);
        assertThrows(RejectedExecutionException.class, () -> threads.start("late", () -> { }));
    }

    /** A thread that just ended its task may not be back in the pool yet: the pool may refuse for a moment. */
    private Future<?> startWhenFree(String name) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (true) {
            try {
                return threads.start(name, () -> { });
            } catch (RejectedExecutionException e) {
                assertTrue(System.nanoTime() < deadline, "no thread freed: " + e.getMessage());
                Thread.sleep(5);
            }
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
