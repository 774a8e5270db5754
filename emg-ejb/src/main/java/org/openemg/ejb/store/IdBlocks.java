package org.openemg.ejb.store;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;

/**
 * The persisted high-water mark of a node's message ids. Each reservation commits on its own,
 * so an id handed out is never handed out again, even if the request that took it rolls back.
 */
@Stateless
public class IdBlocks {

    @Inject
    StoreSessions sessions;

    /** Reserves {@code size} sequence numbers of the node and returns the first. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public long reserve(int nodeId, int size) {
        return sessions.managed("reserving message ids", em -> {
            IdBlock block = em.find(IdBlock.class, nodeId, LockModeType.PESSIMISTIC_WRITE);
            if (block == null) {
                block = new IdBlock(nodeId, 1);
                em.persist(block);
            }
            long first = block.reserve(size);
            em.flush();
            return first;
        });
    }
}
