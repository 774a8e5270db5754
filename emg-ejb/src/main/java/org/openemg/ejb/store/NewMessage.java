package org.openemg.ejb.store;

import java.math.BigDecimal;

/**
 * A message part about to be inserted; {@code options} is the encoded option bag, {@code expiresAt} null
 * without VP. {@code leaseUntil} null inserts it QUEUED for a dispatcher to claim; otherwise it is inserted
 * INFLIGHT under that lease, already handed to this node's dispatcher in memory. {@code charge} is what the part
 * costs the account of {@code username}, null when it is free (see {@link Billing}). {@code partners} are the
 * other connectors that may take it over ({@link org.openemg.core.routing.RoutePartners}), null for none.
 * {@code partCount} is how many parts the message {@code parentId} has: they have consecutive ids from it.
 */
public record NewMessage(long id, long parentId, int partCount, String inConnector, String outConnector, int priority,
                         long dueAt, Long expiresAt, String destAddr, String username, String options, Long leaseUntil,
                         BigDecimal charge, String partners) {

    /** A part nobody pays for and no other connector may take: DLRs, MO, messages of users without an account. */
    public NewMessage(long id, long parentId, int partCount, String inConnector, String outConnector, int priority, long dueAt,
                      Long expiresAt, String destAddr, String username, String options, Long leaseUntil) {
        this(id, parentId, partCount, inConnector, outConnector, priority, dueAt, expiresAt, destAddr, username, options, leaseUntil,
                null, null);
    }

    public NewMessage withLease(long until) {
        return new NewMessage(id, parentId, partCount, inConnector, outConnector, priority, dueAt, expiresAt, destAddr, username,
                options, until, charge, partners);
    }

    public ClaimedPart claimed() {
        return new ClaimedPart(id, options, 0, priority);
    }
}
