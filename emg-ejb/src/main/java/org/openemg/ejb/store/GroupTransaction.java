package org.openemg.ejb.store;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;

/** The transaction a commit group's leader writes the whole group in: its own, whatever the leader was doing. */
@Stateless
public class GroupTransaction {

    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void run(Runnable group) {
        group.run();
    }
}
