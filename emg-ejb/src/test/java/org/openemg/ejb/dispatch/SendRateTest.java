package org.openemg.ejb.dispatch;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class SendRateTest {

    private static final long T0 = 1_700_000_000_000L;

    @Test
    void nothingSentIsZero() {
        assertEquals(0.0, new SendRate().perSecond(T0));
    }

    @Test
    void averagesTheLastMinute() {
        SendRate rate = new SendRate();
        rate.add(60, T0);
        rate.add(60, T0 + 30_000);
        assertEquals(2.0, rate.perSecond(T0 + 59_000));
    }

    @Test
    void forgetsWhatIsOlderThanAMinute() {
        SendRate rate = new SendRate();
        rate.add(600, T0);
        rate.add(60, T0 + 30_000);
        assertEquals(1.0, rate.perSecond(T0 + 61_000));
        assertEquals(0.0, rate.perSecond(T0 + 120_000));
    }

    @Test
    void aSlotReusedAMinuteLaterStartsAgain() {
        SendRate rate = new SendRate();
        rate.add(600, T0);
        rate.add(6, T0 + 60_000);
        assertEquals(0.1, rate.perSecond(T0 + 60_500), 1e-9);
    }
}
