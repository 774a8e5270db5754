package org.openemg.rar.smpp.server;

import java.time.Duration;

/**
 * How long a session waits for a client: for a deliver_sm_resp before the deliver_sm is retried, and on a
 * write the client does not drain before the session is closed. Tests shorten them.
 */
record ServerTimings(Duration deliverResponse, Duration writeStall, Duration watchdogTick) {

    static final ServerTimings DEFAULT = new ServerTimings(Duration.ofSeconds(60), Duration.ofSeconds(60),
            Duration.ofSeconds(1));
}
