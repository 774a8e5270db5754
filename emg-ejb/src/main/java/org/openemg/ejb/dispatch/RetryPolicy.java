package org.openemg.ejb.dispatch;

import org.openemg.core.config.ConnectorConfig;

/** MAXATTEMPTS and RETRYDELAY of an outgoing connector. */
public record RetryPolicy(int maxAttempts, long delayMillis) {

    public static RetryPolicy of(ConnectorConfig connector) {
        return new RetryPolicy(connector.maxAttempts(), connector.retryDelaySeconds() * 1000L);
    }
}
