package org.openemg.core.retry;

/**
 * When a message that got a temporary error is tried again (spec section 4: RETRYDELAY, MAXATTEMPTS): the
 * first retry RETRYDELAY after the error, each later one twice as long after the last, never longer than
 * {@link #LONGEST_MILLIS} (or RETRYDELAY when that is longer), so a peer that stays down is asked less and
 * less often while the message still leaves within the hour once it is back.
 */
public record RetryBackoff(int maxAttempts, long firstDelayMillis) {

    /** The longest wait between two attempts, unless RETRYDELAY itself is longer. */
    public static final long LONGEST_MILLIS = 3_600_000L;

    public RetryBackoff {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("MAXATTEMPTS must be at least 1: " + maxAttempts);
        }
        if (firstDelayMillis < 0) {
            throw new IllegalArgumentException("RETRYDELAY must not be negative: " + firstDelayMillis);
        }
    }

    /** Whether a message that has failed {@code failedAttempts} times has had all its attempts. */
    public boolean exhausted(int failedAttempts) {
        return failedAttempts >= maxAttempts;
    }

    /** How long to wait after the {@code failedAttempts}-th failed attempt (1 for the first) before the next. */
    public long delayAfter(int failedAttempts) {
        long longest = Math.max(firstDelayMillis, LONGEST_MILLIS);
        long delay = firstDelayMillis;
        for (int i = 1; i < failedAttempts && delay < longest; i++) {
            delay *= 2;
        }
        return Math.min(delay, longest);
    }
}
