package org.openemg.ejb.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class GroupCommitTest {

    private final ExecutorService callers = Executors.newCachedThreadPool();
    private final List<List<Integer>> transactions = Collections.synchronizedList(new ArrayList<>());

    @AfterEach
    void stop() {
        callers.shutdownNow();
    }

    @Test
    void aLoneCallerCommitsAtOnceOnItsOwnThread() {
        List<Thread> writers = new ArrayList<>();
        GroupCommit<Integer> group = new GroupCommit<>((items, statementsDone) -> {
            writers.add(Thread.currentThread());
            transactions.add(items);
        });

        group.commit(7);

        assertEquals(List.of(List.of(7)), transactions);
        assertEquals(List.of(Thread.currentThread()), writers);
    }

    @Test
    void callersArrivingDuringACommitShareTheNextOne() throws Exception {
        CountDownLatch firstCommitRunning = new CountDownLatch(1);
        CountDownLatch releaseFirst = new CountDownLatch(1);
        GroupCommit<Integer> group = new GroupCommit<>((items, statementsDone) -> {
            transactions.add(List.copyOf(items));
            if (items.contains(0)) {
                firstCommitRunning.countDown();
                await(releaseFirst);
            }
        });
        Future<?> first = callers.submit(() -> group.commit(0));
        assertTrue(firstCommitRunning.await(5, TimeUnit.SECONDS));
        List<Future<?>> others = new ArrayList<>();
        for (int i = 1; i <= 5; i++) {
            int item = i;
            others.add(callers.submit(() -> group.commit(item)));
        }
        waitUntilBlocked(others.size());

        releaseFirst.countDown();
        first.get(5, TimeUnit.SECONDS);
        for (Future<?> other : others) {
            other.get(5, TimeUnit.SECONDS);
        }

        assertEquals(2, transactions.size(), "one commit for the first caller, one for the five that waited: " + transactions);
        assertEquals(Set.of(1, 2, 3, 4, 5), new TreeSet<>(transactions.get(1)));
    }

    @Test
    void aCallerReturnsOnlyAfterTheCommitHoldingItsItem() throws Exception {
        Set<Integer> committed = Collections.synchronizedSet(new TreeSet<>());
        GroupCommit<Integer> group = new GroupCommit<>((items, statementsDone) -> {
            sleep(2);
            committed.addAll(items);
        });

        assertEachCallerReturnsAfterItsCommit(group, committed, 200);
    }

    @Test
    void theNextGroupWritesWhileThePreviousOneCommits() throws Exception {
        CountDownLatch firstCommitting = new CountDownLatch(1);
        CountDownLatch finishFirstCommit = new CountDownLatch(1);
        GroupCommit<Integer> group = new GroupCommit<>((items, statementsDone) -> {
            statementsDone.run();
            if (items.contains(0)) {
                firstCommitting.countDown();
                await(finishFirstCommit);
            }
            transactions.add(List.copyOf(items));
        });
        Future<?> first = callers.submit(() -> group.commit(0));
        assertTrue(firstCommitting.await(5, TimeUnit.SECONDS));

        callers.submit(() -> group.commit(1)).get(5, TimeUnit.SECONDS);

        assertEquals(List.of(List.of(1)), transactions, "the second group committed while the first was still committing");
        assertFalse(first.isDone(), "the first caller waits for its own commit");
        finishFirstCommit.countDown();
        first.get(5, TimeUnit.SECONDS);
        assertEquals(List.of(List.of(1), List.of(0)), transactions);
    }

    @Test
    void withOverlappingCommitsEachCallerStillReturnsOnlyAfterItsOwnCommit() throws Exception {
        Set<Integer> committed = Collections.synchronizedSet(new TreeSet<>());
        GroupCommit<Integer> group = new GroupCommit<>((items, statementsDone) -> {
            sleep(1);
            statementsDone.run();
            sleep(1);
            committed.addAll(items);
        }, TimeUnit.MILLISECONDS.toNanos(1), 64);

        assertEachCallerReturnsAfterItsCommit(group, committed, 300);
    }

    /** Announced callers, so that leaders linger while others commit. */
    private void assertEachCallerReturnsAfterItsCommit(GroupCommit<Integer> group, Set<Integer> committed, int callerCount)
            throws Exception {
        List<Future<?>> all = new ArrayList<>();
        List<Integer> returnedEarly = Collections.synchronizedList(new ArrayList<>());
        for (int i = 0; i < callerCount; i++) {
            int item = i;
            all.add(callers.submit(() -> {
                try (GroupCommit.Arrival arrival = group.arrive()) {
                    group.commit(item);
                    if (!committed.contains(item)) {
                        returnedEarly.add(item);
                    }
                }
            }));
        }
        for (Future<?> one : all) {
            one.get(20, TimeUnit.SECONDS);
        }

        assertEquals(List.of(), returnedEarly);
        assertEquals(callerCount, committed.size());
    }

    @Test
    void aFailedGroupIsWrittenAgainCallerByCallerSoOnlyTheBadOneFails() throws Exception {
        CountDownLatch firstCommitRunning = new CountDownLatch(1);
        CountDownLatch releaseFirst = new CountDownLatch(1);
        IllegalStateException bad = new IllegalStateException("item 3 does not fit");
        GroupCommit<Integer> group = new GroupCommit<>((items, statementsDone) -> {
            if (items.contains(0)) {
                firstCommitRunning.countDown();
                await(releaseFirst);
            }
            if (items.contains(3)) {
                throw bad;
            }
            transactions.add(List.copyOf(items));
        });
        Future<?> first = callers.submit(() -> group.commit(0));
        assertTrue(firstCommitRunning.await(5, TimeUnit.SECONDS));
        List<Future<?>> others = new ArrayList<>();
        for (int i = 1; i <= 4; i++) {
            int item = i;
            others.add(callers.submit(() -> group.commit(item)));
        }
        waitUntilBlocked(others.size());
        releaseFirst.countDown();
        first.get(5, TimeUnit.SECONDS);

        for (int i = 0; i < others.size(); i++) {
            Future<?> other = others.get(i);
            if (i + 1 == 3) {
                Exception thrown = assertThrows(Exception.class, () -> other.get(5, TimeUnit.SECONDS));
                assertSame(bad, thrown.getCause());
            } else {
                other.get(5, TimeUnit.SECONDS);
            }
        }
        Set<Integer> written = new TreeSet<>();
        transactions.forEach(written::addAll);
        assertEquals(Set.of(0, 1, 2, 4), written);
    }

    @Test
    void aLoneCallersFailureReachesIt() {
        RuntimeException down = new RuntimeException("database down");
        GroupCommit<Integer> group = new GroupCommit<>((items, statementsDone) -> {
            throw down;
        });

        assertSame(down, assertThrows(RuntimeException.class, () -> group.commit(1)));
        // the next caller leads again instead of waiting for a leader that gave up
        assertSame(down, assertThrows(RuntimeException.class, () -> group.commit(2)));
    }

    @Test
    void aLeaderWaitsForAnAnnouncedCallerAndShareItsCommitWithIt() throws Exception {
        GroupCommit<Integer> group = new GroupCommit<>((items, statementsDone) -> transactions.add(List.copyOf(items)),
                TimeUnit.SECONDS.toNanos(30), 64);
        GroupCommit.Arrival leader = group.arrive();
        GroupCommit.Arrival late = group.arrive();
        Future<?> first = callers.submit(() -> {
            try (leader) {
                group.commit(1);
            }
        });
        Thread.sleep(50);
        assertTrue(transactions.isEmpty(), "the leader waits for the announced caller: " + transactions);

        try (late) {
            group.commit(2);
        }
        first.get(5, TimeUnit.SECONDS);

        assertEquals(1, transactions.size(), "one commit for both: " + transactions);
        assertEquals(Set.of(1, 2), new TreeSet<>(transactions.get(0)));
    }

    @Test
    void anAnnouncedCallerThatWillNotCommitReleasesTheLeader() throws Exception {
        GroupCommit<Integer> group = new GroupCommit<>((items, statementsDone) -> transactions.add(List.copyOf(items)),
                TimeUnit.SECONDS.toNanos(30), 64);
        GroupCommit.Arrival refused = group.arrive();
        Future<?> leader = callers.submit(() -> {
            try (GroupCommit.Arrival arrival = group.arrive()) {
                group.commit(1);
            }
        });
        Thread.sleep(50);
        assertTrue(transactions.isEmpty());

        refused.close();
        leader.get(5, TimeUnit.SECONDS);

        assertEquals(List.of(List.of(1)), transactions);
    }

    @Test
    void aLeaderWaitsNoLongerThanItsLinger() throws Exception {
        GroupCommit<Integer> group = new GroupCommit<>((items, statementsDone) -> transactions.add(List.copyOf(items)),
                TimeUnit.MILLISECONDS.toNanos(20), 64);
        try (GroupCommit.Arrival neverComes = group.arrive(); GroupCommit.Arrival mine = group.arrive()) {
            long start = System.nanoTime();
            group.commit(1);
            long waited = System.nanoTime() - start;
            assertTrue(waited >= TimeUnit.MILLISECONDS.toNanos(20), "waited " + waited + " ns");
        }
        assertEquals(List.of(List.of(1)), transactions);
    }

    private void waitUntilBlocked(int callers) throws InterruptedException {
        // the callers are queued once they wait on the lock's condition; a short pause is enough on any machine
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (System.nanoTime() < deadline && waitingThreads() < callers) {
            Thread.sleep(10);
        }
    }

    private static int waitingThreads() {
        int count = 0;
        for (Thread thread : Thread.getAllStackTraces().keySet()) {
            if (thread.getState() == Thread.State.WAITING && isInCommit(thread)) {
                count++;
            }
        }
        return count;
    }

    private static boolean isInCommit(Thread thread) {
        for (StackTraceElement frame : thread.getStackTrace()) {
            if (frame.getClassName().equals(GroupCommit.class.getName()) && frame.getMethodName().equals("commit")) {
                return true;
            }
        }
        return false;
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
