package org.openemg.rar.smpp.link;

import java.time.Duration;

/**
 * How long a link waits for its peer before giving up: on a windowed request, on an enquire_link, on any
 * PDU at all (zero: no limit), and on a write the peer does not drain.
 */
public record LinkTimings(Duration response, Duration enquireLinkResponse, Duration silence, Duration writeStall) {
}
