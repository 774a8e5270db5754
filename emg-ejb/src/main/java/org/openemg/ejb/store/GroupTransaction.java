package org.openemg.ejb.store;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;

/** The transaction a commit group's leader writes the whole group in: its own, whatever the leader was doing. */
@Stateless
public class GroupTransaction {

    @Inject
    StoreSessions sessions;

    /**
     * Runs the group's statements, then calls {@code statementsDone} before the commit where the next group gains by
     * writing meanwhile: not on H2 in WildFly's process, where each commit writes every page changed since the last
     * one, so the next group's uncommitted rows were written twice and each message cost a fifth more CPU, for no more
     * throughput (bench/RESULTS.md, "No overlap on H2").
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void run(Runnable statements, Runnable statementsDone) {
        statements.run();
        if (!EmbeddedH2.is(sessions)) {
            statementsDone.run();
        }
    }
}
