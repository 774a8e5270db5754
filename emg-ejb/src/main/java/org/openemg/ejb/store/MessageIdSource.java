package org.openemg.ejb.store;

import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.EJB;
import jakarta.ejb.Singleton;
import org.openemg.core.id.IdAllocator;

/** Message ids of this node, from blocks of 10,000 reserved in the database. */
@Singleton
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class MessageIdSource {

    private static final int BLOCK_SIZE = 10_000;

    @EJB
    private IdBlocks blocks;

    private volatile IdAllocator allocator;

    public long[] next(int nodeId, int count) {
        IdAllocator current = allocator;
        if (current == null || current.nodeId() != nodeId) {
            synchronized (this) {
                current = allocator;
                if (current == null || current.nodeId() != nodeId) {
                    current = new IdAllocator(nodeId, BLOCK_SIZE, size -> blocks.reserve(nodeId, size));
                    allocator = current;
                }
            }
        }
        return current.next(count);
    }
}
