package org.openemg.core.accept;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class LoginLockoutTest {

    private static final String ATTACKER = "192.0.2.66";
    private final LoginLockout lockout = new LoginLockout(5, 60_000, 1_000, 300_000, 100);

    @Test
    void fourFailuresInAMinuteLockNothing() {
        for (int i = 0; i < 4; i++) {
            assertEquals(0, lockout.failed(ATTACKER, 1_000L * i));
        }
        assertTrue(lockout.mayTry(ATTACKER, 4_000));
    }

    @Test
    void theFifthFailureLocksTheAddressForASecondAndEachFurtherOneDoublesIt() {
        long now = 0;
        for (int i = 0; i < 4; i++) {
            lockout.failed(ATTACKER, now);
        }
        assertEquals(now + 1_000, lockout.failed(ATTACKER, now));
        assertFalse(lockout.mayTry(ATTACKER, now + 999));
        assertTrue(lockout.mayTry(ATTACKER, now + 1_000));
        assertEquals(now + 1_000 + 2_000, lockout.failed(ATTACKER, now + 1_000));
        assertEquals(now + 3_000 + 4_000, lockout.failed(ATTACKER, now + 3_000));
        assertFalse(lockout.mayTry(ATTACKER, now + 6_999));
    }

    @Test
    void theLockNeverGrowsBeyondTheLongest() {
        long until = 0;
        for (int i = 0; i < 60; i++) {
            until = lockout.failed(ATTACKER, i * 10L);
        }
        assertEquals(590 + 300_000, until);
    }

    @Test
    void otherAddressesAreNotTouched() {
        for (int i = 0; i < 10; i++) {
            lockout.failed(ATTACKER, 0);
        }
        assertFalse(lockout.mayTry(ATTACKER, 1));
        assertTrue(lockout.mayTry("192.0.2.1", 1));
    }

    @Test
    void failuresFurtherApartThanTheWindowStartOver() {
        for (int i = 0; i < 20; i++) {
            assertEquals(0, lockout.failed(ATTACKER, i * 61_000L));
        }
        assertTrue(lockout.mayTry(ATTACKER, 20 * 61_000L));
    }

    @Test
    void manyGoodLoginsAreNeverRefused() {
        // good logins are never reported, so only mayTry is asked: as often as a busy client asks
        for (long now = 0; now < 100_000; now++) {
            assertTrue(lockout.mayTry("127.0.0.1", now));
        }
        assertEquals(0, lockout.tracked());
    }

    @Test
    void aFullTableDropsStaleAddressesAndThenStopsTracking() {
        for (int i = 0; i < 100; i++) {
            lockout.failed("10.0.0." + i, 0);
        }
        lockout.failed("10.0.1.1", 61_000);
        assertEquals(1, lockout.tracked(), "the stale ones were dropped for the new one");
        for (int i = 0; i < 150; i++) {
            lockout.failed("10.0.2." + i, 61_001);
        }
        assertEquals(100, lockout.tracked());
        assertEquals(0, lockout.failed("10.0.3.1", 61_002), "untracked beyond the capacity");
    }
}
