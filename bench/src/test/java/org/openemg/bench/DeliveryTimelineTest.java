package org.openemg.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.jsmpp.bean.SubmitSm;
import org.junit.jupiter.api.Test;

class DeliveryTimelineTest {

    private static final long PID = ProcessHandle.current().pid();

    private static void arrive(Arrivals arrivals, long destination) {
        SubmitSm sm = new SubmitSm();
        sm.setDestAddress(Long.toString(destination));
        arrivals.accept(sm);
    }

    private static void awaitSlices(DeliveryTimeline timeline, int count) throws InterruptedException {
        for (int i = 0; i < 500 && timeline.slices(timeline.origin()).size() < count; i++) {
            Thread.sleep(10);
        }
    }

    @Test
    void slicesCountFromTheStartAndTheClockStopsAtTheTotalWithTheBacklogThen() throws Exception {
        Arrivals arrivals = new Arrivals(1000, 20);
        AtomicLong accepted = new AtomicLong(1);
        arrive(arrivals, 1000); // before the soak: not counted
        CountDownLatch atTotal = new CountDownLatch(1);
        DeliveryTimeline timeline = new DeliveryTimeline(arrivals, accepted::get, PID, 3, 7, atTotal::countDown);
        timeline.start();
        accepted.addAndGet(10);
        for (int k = 1; k <= 3; k++) {
            arrive(arrivals, 1000 + k);
        }
        awaitSlices(timeline, 1);
        for (int k = 4; k <= 6; k++) {
            arrive(arrivals, 1000 + k);
        }
        awaitSlices(timeline, 2);
        arrive(arrivals, 1007);
        assertTrue(atTotal.await(5, TimeUnit.SECONDS));
        arrive(arrivals, 1008); // after the total: the clock has stopped
        DeliveryTimeline.Mark end = timeline.stopNow();

        assertTrue(timeline.reachedTotal());
        assertEquals(7, end.delivered());
        assertEquals(3, end.backlog());
        List<DeliveryTimeline.Slice> slices = timeline.slices(end);
        assertEquals(List.of(3L, 3L, 1L), slices.stream().map(DeliveryTimeline.Slice::messages).toList());
        assertEquals(List.of(1, 2, 3), slices.stream().map(DeliveryTimeline.Slice::number).toList());
        assertTrue(slices.get(0).seconds() > 0);
    }

    @Test
    void stoppedBeforeTheTotalTheLastSliceEndsNow() throws Exception {
        Arrivals arrivals = new Arrivals(1000, 20);
        DeliveryTimeline timeline = new DeliveryTimeline(arrivals, () -> 0, PID, 3, 10, () -> { });
        timeline.start();
        for (int k = 0; k < 3; k++) {
            arrive(arrivals, 1000 + k);
        }
        awaitSlices(timeline, 1);
        arrive(arrivals, 1003);
        DeliveryTimeline.Mark end = timeline.stopNow();

        assertFalse(timeline.reachedTotal());
        assertEquals(List.of(3L, 1L), timeline.slices(end).stream().map(DeliveryTimeline.Slice::messages).toList());
    }

    @Test
    void aSliceRateIsItsMessagesOverItsSecondsAndItsCpuPerMessageComesFromTheTicks() {
        DeliveryTimeline.Slice s = new DeliveryTimeline.Slice(1,
                new DeliveryTimeline.Mark(1_000_000_000L, 0, 100_000, 120_000, 500),
                new DeliveryTimeline.Mark(26_000_000_000L, 25_000, 200_000, 230_000, 5_500));
        assertEquals(4000.0, s.rate(), 1e-9);
        assertEquals(500.0, s.cpuMicrosPerMessage(100), 1e-9);
        assertEquals(30_000, s.to().backlog());
    }
}
