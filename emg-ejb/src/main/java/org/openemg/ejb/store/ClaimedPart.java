package org.openemg.ejb.store;

/** A row claimed for sending: now INFLIGHT under a lease; {@code priority} is its PRIORITY, 0-3. */
public record ClaimedPart(long id, String options, int attempts, int priority) {

    public ClaimedPart(long id, String options, int attempts) {
        this(id, options, attempts, 0);
    }
}
