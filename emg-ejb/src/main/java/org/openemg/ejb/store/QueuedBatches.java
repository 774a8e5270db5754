package org.openemg.ejb.store;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Inserts the batches of a commit group in one transaction of their own; the dispatchers wake after it commits. */
@Stateless
public class QueuedBatches {

    @Inject
    MessageRows rows;
    @Inject
    Event<MessagesQueued> queued;

    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void commit(List<QueuedBatch> batches) {
        Set<String> outConnectors = new HashSet<>();
        for (QueuedBatch batch : batches) {
            rows.insert(batch.rows(), batch.acceptedAt());
            outConnectors.addAll(batch.outConnectors());
        }
        queued.fire(new MessagesQueued(outConnectors));
    }
}
