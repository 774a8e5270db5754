package org.openemg.ejb.dispatch;

/**
 * Messages a connector had answered (results recorded) in each of the last 60 seconds, for the rate an
 * operator sees: one slot per second, reused once it is a minute old.
 */
public final class SendRate {

    static final int WINDOW_SECONDS = 60;

    private final long[] counts = new long[WINDOW_SECONDS];
    private final long[] seconds = new long[WINDOW_SECONDS];

    public synchronized void add(int messages, long nowMillis) {
        long second = nowMillis / 1000;
        int slot = (int) (second % WINDOW_SECONDS);
        if (seconds[slot] != second) {
            seconds[slot] = second;
            counts[slot] = 0;
        }
        counts[slot] += messages;
    }

    /** Messages per second over the minute before {@code nowMillis}. */
    public synchronized double perSecond(long nowMillis) {
        long second = nowMillis / 1000;
        long total = 0;
        for (int i = 0; i < WINDOW_SECONDS; i++) {
            if (second - seconds[i] < WINDOW_SECONDS) {
                total += counts[i];
            }
        }
        return (double) total / WINDOW_SECONDS;
    }
}
