package org.openemg.core.retry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RetryBackoffTest {

    @ParameterizedTest(name = "RETRYDELAY {0} ms, after failure {1}: {2} ms")
    @CsvSource({
            "30000, 1, 30000",
            "30000, 2, 60000",
            "30000, 3, 120000",
            "30000, 7, 1920000",
            "30000, 8, 3600000",
            "30000, 1000, 3600000",
            "1000, 5, 16000",
            "0, 9, 0",
            "7200000, 1, 7200000",
            "7200000, 4, 7200000"})
    void theDelayDoublesFromRetryDelayUpToAnHour(long retryDelay, int failures, long expected) {
        assertEquals(expected, new RetryBackoff(5, retryDelay).delayAfter(failures));
    }

    @Test
    void maxAttemptsCountsEveryFailedAttempt() {
        RetryBackoff backoff = new RetryBackoff(3, 1000);

        assertFalse(backoff.exhausted(2));
        assertTrue(backoff.exhausted(3));
        assertTrue(backoff.exhausted(4));
    }

    @Test
    void aSingleAttemptIsExhaustedByItsFirstFailure() {
        assertTrue(new RetryBackoff(1, 1000).exhausted(1));
    }

    @Test
    void settingsThatMakeNoScheduleAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> new RetryBackoff(0, 1000));
        assertThrows(IllegalArgumentException.class, () -> new RetryBackoff(3, -1));
    }
}
