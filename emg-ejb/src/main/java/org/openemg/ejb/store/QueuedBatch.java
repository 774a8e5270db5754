package org.openemg.ejb.store;

import java.util.List;
import java.util.Set;

/**
 * The parts one request (or a group of SMPP submits) accepted, the connectors whose dispatchers must claim some of
 * them from the table, when, and what the requests cost their accounts.
 */
public record QueuedBatch(List<NewMessage> rows, Set<String> outConnectors, long acceptedAt, Billing billing) {

    /** Parts nobody pays for (DLRs, MO). */
    public QueuedBatch(List<NewMessage> rows, Set<String> outConnectors, long acceptedAt) {
        this(rows, outConnectors, acceptedAt, Billing.free());
    }
}
