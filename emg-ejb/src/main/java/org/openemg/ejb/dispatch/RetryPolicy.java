package org.openemg.ejb.dispatch;

/** MAXATTEMPTS and RETRYDELAY of an outgoing connector. */
public record RetryPolicy(int maxAttempts, long delayMillis) {
}
