package org.openemg.core.flow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class QueueDepthsTest {

    private final QueueDepths depths = new QueueDepths();

    @Test
    void aFullQueueRefusesUntilPartsSettle() {
        assertTrue(depths.take("out", 1, 3));
        assertTrue(depths.take("out", 2, 3));
        assertFalse(depths.take("out", 1, 3), "three parts queued: at the limit");
        assertEquals(3, depths.depth("out"));
        depths.settled("out", 1);
        assertTrue(depths.take("out", 1, 3));
        assertFalse(depths.take("out", 1, 3));
    }

    @Test
    void aMessageIsNotSplitOverTheRoomLeft() {
        assertTrue(depths.take("out", 2, 3));
        assertFalse(depths.take("out", 2, 3), "two parts do not fit in the one place left");
        assertTrue(depths.take("out", 1, 3));
    }

    @Test
    void aMessageLongerThanTheLimitStillFitsAnEmptyQueue() {
        assertTrue(depths.take("out", 5, 3));
        assertFalse(depths.take("out", 1, 3));
    }

    @Test
    void noLimitTakesEverything() {
        for (int i = 0; i < 10_000; i++) {
            assertTrue(depths.take("out", 1, 0));
        }
        assertEquals(10_000, depths.depth("out"));
    }

    @Test
    void connectorsCountApart() {
        assertTrue(depths.take("a", 1, 1));
        assertTrue(depths.take("b", 1, 1));
        assertFalse(depths.take("a", 1, 1));
    }

    @Test
    void aCommitThatFailedGivesItsRoomBack() {
        assertTrue(depths.take("out", 2, 2));
        depths.giveBack("out", 2);
        assertEquals(0, depths.depth("out"));
        assertTrue(depths.take("out", 2, 2));
    }

    @Test
    void aRecountKeepsWhatIsBeingCommitted() {
        assertTrue(depths.take("out", 2, 0));
        depths.recount("out", 7);
        assertEquals(9, depths.depth("out"), "7 in the table, 2 not yet committed");
        depths.committed("out", 2);
        depths.recount("out", 9);
        assertEquals(9, depths.depth("out"));
    }

    @Test
    void movedPartsCountOnTheirNewConnector() {
        depths.recount("a", 4);
        depths.settled("a", 4);
        depths.added("b", 4);
        assertEquals(0, depths.depth("a"));
        assertEquals(4, depths.depth("b"));
        depths.settled("a", 3);
        assertEquals(0, depths.depth("a"), "never below zero");
    }

    @Test
    void concurrentTakesNeverPassTheLimit() throws InterruptedException {
        AtomicInteger taken = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        for (int i = 0; i < 1000; i++) {
            pool.execute(() -> {
                if (depths.take("out", 1, 50)) {
                    taken.incrementAndGet();
                }
            });
        }
        pool.shutdown();
        assertTrue(pool.awaitTermination(10, TimeUnit.SECONDS));
        assertEquals(50, taken.get());
    }
}
