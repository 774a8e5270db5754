package org.openemg.testkit;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class EventuallyTest {

    @Test
    void withinIsTrueOnceTheConditionHoldsAndFalseWhenItNeverDoes() throws Exception {
        AtomicInteger polls = new AtomicInteger();
        assertTrue(Eventually.within(Duration.ofSeconds(5), () -> polls.incrementAndGet() == 3));
        assertFalse(Eventually.within(Duration.ofMillis(100), () -> false));
    }

    @Test
    void quietForWaitsUntilTheValueStopsChanging() throws Exception {
        AtomicInteger arrivals = new AtomicInteger();
        long start = System.nanoTime();
        assertTrue(Eventually.quietFor(Duration.ofMillis(200), Duration.ofSeconds(5),
                () -> arrivals.get() < 10 ? arrivals.incrementAndGet() : arrivals.get()));
        assertTrue(arrivals.get() == 10);
        assertTrue(System.nanoTime() - start >= Duration.ofMillis(200).toNanos());
    }

    @Test
    void quietForIsFalseWhileTheValueKeepsChanging() throws Exception {
        AtomicInteger arrivals = new AtomicInteger();
        assertFalse(Eventually.quietFor(Duration.ofMillis(200), Duration.ofMillis(500), arrivals::incrementAndGet));
    }
}
