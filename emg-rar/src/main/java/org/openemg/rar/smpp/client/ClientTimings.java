package org.openemg.rar.smpp.client;

import java.time.Duration;

/**
 * How long a bind waits for the SMSC, and how results are grouped. The defaults are the
 * production values; tests shorten them.
 */
record ClientTimings(Duration bindResponse, Duration submitResponse, Duration enquireLinkResponse,
                     Duration unbindResponse, Duration throttlePause, Duration firstBackoff, Duration maxBackoff,
                     Duration resultFlushInterval, int resultFlushSize) {

    static final ClientTimings DEFAULT = new ClientTimings(Duration.ofSeconds(10), Duration.ofSeconds(60),
            Duration.ofSeconds(10), Duration.ofSeconds(5), Duration.ofSeconds(1), Duration.ofSeconds(1),
            Duration.ofSeconds(30), Duration.ofMillis(10), 500);
}
