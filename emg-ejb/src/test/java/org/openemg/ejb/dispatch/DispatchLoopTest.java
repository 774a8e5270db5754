package org.openemg.ejb.dispatch;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class DispatchLoopTest {

    private static final long NOW = 1_000_000;

    @Test
    void anIdleDispatcherSleepsUntilTheNextRowFallsDue() {
        assertEquals(2_500, DispatchLoop.sleepMillis(NOW + 2_500, NOW));
    }

    @Test
    void withNothingQueuedItSleepsAMinuteAtMost() {
        assertEquals(60_000, DispatchLoop.sleepMillis(null, NOW));
        assertEquals(60_000, DispatchLoop.sleepMillis(NOW + 3_600_000, NOW), "a retry an hour away");
        assertEquals(60_000, DispatchLoop.sleepMillis(Long.MAX_VALUE, NOW), "rows parked until a bind");
    }

    @Test
    void aRowAlreadyDueIsClaimedAfterABriefPause() {
        assertEquals(10, DispatchLoop.sleepMillis(NOW - 5_000, NOW));
        assertEquals(10, DispatchLoop.sleepMillis(NOW, NOW));
    }
}
