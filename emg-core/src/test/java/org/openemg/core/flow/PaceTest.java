package org.openemg.core.flow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class PaceTest {

    private static final long MS = TimeUnit.MILLISECONDS.toNanos(1);

    private final AtomicLong clock = new AtomicLong(1_000_000 * MS);

    @Test
    void theFirstMessageGoesAtOnceAndEachNextOneIntervalLater() {
        Pace pace = new Pace(50, clock::get);
        assertEquals(0, pace.reserve());
        assertEquals(20 * MS, pace.reserve());
        assertEquals(40 * MS, pace.reserve());
    }

    @Test
    void severalMessagesWaitForTheLastOfTheirSlots() {
        Pace pace = new Pace(100, clock::get);
        assertEquals(40 * MS, pace.reserve(5), "slots at 0, 10, 20, 30, 40 ms");
        assertEquals(50 * MS, pace.reserve(), "the next one after them");
    }

    @Test
    void anIdleConnectorSavesUpNoBurst() {
        Pace pace = new Pace(10, clock::get);
        pace.reserve();
        clock.addAndGet(10_000 * MS);
        assertEquals(0, pace.reserve());
        assertEquals(100 * MS, pace.reserve(), "after a long pause the rate holds at once");
    }

    @Test
    void overTenSecondsOfDemandTheRateIsKept() {
        Pace pace = new Pace(50, clock::get);
        long start = clock.get();
        int sent = 0;
        // clients asking far faster than the rate: each goes when its slot comes
        while (true) {
            long wait = pace.reserve();
            long at = clock.get() + wait;
            if (at - start >= TimeUnit.SECONDS.toNanos(10)) {
                break;
            }
            sent++;
            clock.addAndGet(MS);
        }
        assertEquals(500, sent, 25);
    }

    @Test
    void noThroughputPacesNothing() {
        Pace pace = new Pace(0, clock::get);
        assertFalse(pace.limits());
        assertFalse(Pace.none().limits());
        for (int i = 0; i < 1000; i++) {
            assertEquals(0, pace.reserve());
        }
        assertTrue(new Pace(0.5, clock::get).limits());
    }

    @Test
    void aFractionalRateIsKept() {
        Pace pace = new Pace(0.5, clock::get);
        pace.reserve();
        assertEquals(2_000 * MS, pace.reserve());
    }
}
