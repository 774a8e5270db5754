package org.openemg.ejb.dispatch;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import org.openemg.ejb.store.MessagesQueued;

/** Wakes the dispatchers of the connectors that got new messages, once the accepting transaction has committed. */
@ApplicationScoped
public class QueueWakeUp {

    @Inject
    private DispatchLoops dispatchers;

    void onQueued(@Observes(during = TransactionPhase.AFTER_SUCCESS) MessagesQueued queued) {
        dispatchers.wake(queued.outConnectors());
    }
}
