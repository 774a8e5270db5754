package org.openemg.ejb.store;

/** A row claimed for sending: now INFLIGHT under a lease. */
public record ClaimedPart(long id, String options, int attempts) {
}
