package org.openemg.ejb.dispatch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openemg.ejb.outlet.Outlet;
import org.openemg.ejb.store.ClaimedPart;

/** The dispatcher's loop against a fake table and outlet: priority in memory, holds, partners. */
class DispatchLoopFlowTest {

    /** The table as the loop sees it: what a claim returns, what it moved where. */
    private static final class FakeWork extends DispatchWork {
        final List<ClaimedPart> queued = new CopyOnWriteArrayList<>();
        final List<String> moves = new CopyOnWriteArrayList<>();
        volatile List<String> partners = List.of();

        @Override
        public List<ClaimedPart> claim(String connector, int limit, long leaseMillis) {
            List<ClaimedPart> claimed = new ArrayList<>(queued.subList(0, Math.min(limit, queued.size())));
            queued.removeAll(claimed);
            return claimed;
        }

        @Override
        public Long nextDueAt(String connector) {
            return null;
        }

        @Override
        public void requeue(List<Long> ids) {
            ids.forEach(id -> queued.add(new ClaimedPart(id, "", 0)));
        }

        @Override
        public List<String> partnersOfQueued(String connector) {
            return partners;
        }

        @Override
        public int moveToPartner(String from, String to) {
            int moved = queued.size();
            queued.clear();
            if (moved > 0) {
                moves.add(from + ">" + to + ":" + moved);
            }
            return moved;
        }

        @Override
        public int countInflight(String connector) {
            return 0;
        }
    }

    private static final class FakeOutlet implements Outlet {
        final List<List<Long>> batches = new CopyOnWriteArrayList<>();
        final CountDownLatch firstSend = new CountDownLatch(1);
        volatile CountDownLatch release = new CountDownLatch(0);

        @Override
        public int capacity() {
            return 100;
        }

        @Override
        public boolean ready() {
            return true;
        }

        @Override
        public void send(List<ClaimedPart> parts) {
            batches.add(parts.stream().map(ClaimedPart::id).toList());
            firstSend.countDown();
            try {
                release.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        @Override
        public void close() {
        }
    }

    private static final class FakePeers implements DispatchPeers {
        volatile boolean held;
        final List<String> sending = new CopyOnWriteArrayList<>();
        final List<String> woken = new CopyOnWriteArrayList<>();

        @Override
        public boolean held(String connector) {
            return held;
        }

        @Override
        public boolean sendsNow(String connector) {
            return sending.contains(connector);
        }

        @Override
        public void wake(String connector) {
            woken.add(connector);
        }
    }

    private final FakeWork work = new FakeWork();
    private final FakeOutlet outlet = new FakeOutlet();
    private final FakePeers peers = new FakePeers();
    private final DispatchLoop loop = new DispatchLoop("out", outlet, work, peers, 100, 500);
    private Thread runner;

    private void start() {
        runner = new Thread(loop, "dispatch-test");
        runner.start();
    }

    @AfterEach
    void stop() {
        outlet.release.countDown();
        if (runner != null) {
            loop.stop(runner);
        }
    }

    private static boolean within(Duration limit, BooleanSupplier condition) throws InterruptedException {
        long end = System.nanoTime() + limit.toNanos();
        while (System.nanoTime() < end) {
            if (condition.getAsBoolean()) {
                return true;
            }
            Thread.sleep(10);
        }
        return condition.getAsBoolean();
    }

    private void handOver(long id, int priority) {
        assertTrue(loop.reserve(1));
        loop.handOver(List.of(new ClaimedPart(id, "", 0, priority)));
    }

    @Test
    void partsHandedOverLeaveHighestPriorityFirst() throws InterruptedException {
        outlet.release = new CountDownLatch(1);
        start();
        assertTrue(within(Duration.ofSeconds(5), loop::sendsNow));
        handOver(1, 0);
        assertTrue(outlet.firstSend.await(5, TimeUnit.SECONDS));
        // while the first batch is being handed on, more arrive
        handOver(2, 0);
        handOver(3, 3);
        handOver(4, 1);
        handOver(5, 3);
        outlet.release.countDown();
        assertTrue(within(Duration.ofSeconds(5), () -> outlet.batches.size() >= 2));
        assertEquals(List.of(List.of(1L), List.of(3L, 5L, 4L, 2L)), outlet.batches);
    }

    @Test
    void aHeldConnectorSendsNothingAndHandsItsQueueToAPartnerThatSends() throws InterruptedException {
        peers.held = true;
        work.queued.add(new ClaimedPart(7, "", 0));
        work.partners = List.of("down", "up");
        peers.sending.add("up");
        start();
        assertTrue(within(Duration.ofSeconds(5), () -> !peers.woken.isEmpty()));
        assertEquals(List.of("out>up:1"), work.moves, "only to a partner that sends now");
        assertEquals(List.of("up"), peers.woken);
        assertTrue(!loop.sendsNow());
        assertTrue(!loop.reserve(1), "nothing is handed to a held connector");
        assertEquals(List.of(), outlet.batches);

        peers.held = false;
        work.queued.add(new ClaimedPart(8, "", 0));
        loop.wake();
        assertTrue(within(Duration.ofSeconds(5), () -> outlet.batches.contains(List.of(8L))), "unheld, it sends again");
    }
}
