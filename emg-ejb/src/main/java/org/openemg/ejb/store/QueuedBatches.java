package org.openemg.ejb.store;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The one way new rows enter the message table: inserted in batches, and the dispatchers of the connectors
 * that got queued rows woken once the transaction commits.
 */
@Stateless
public class QueuedBatches {

    @Inject
    MessageRows rows;
    @Inject
    Event<MessagesQueued> queued;
    @Inject
    Accounts accounts;

    /** Batches written in the caller's transaction: a commit group's, a push, MO beside receipts, DLRs beside their results. */
    @TransactionAttribute(TransactionAttributeType.MANDATORY)
    public void insert(List<QueuedBatch> batches) {
        if (!batches.isEmpty()) {
            write(batches);
        }
    }

    /** The batches' charges first: a request its account cannot pay for leaves its rows out, and only its own. */
    private void write(List<QueuedBatch> batches) {
        List<Billing> billings = new ArrayList<>();
        for (QueuedBatch batch : batches) {
            if (!batch.billing().isFree()) {
                billings.add(batch.billing());
            }
        }
        accounts.charge(billings);
        rows.insert(batches);
        Set<String> outConnectors = new HashSet<>();
        for (QueuedBatch batch : batches) {
            outConnectors.addAll(batch.outConnectors());
        }
        if (!outConnectors.isEmpty()) {
            queued.fire(new MessagesQueued(outConnectors));
        }
    }
}
