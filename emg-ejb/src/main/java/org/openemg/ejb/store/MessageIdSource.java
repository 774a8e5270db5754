package org.openemg.ejb.store;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import org.openemg.core.id.IdAllocator;

/** Message ids of this node, from blocks of 10,000 reserved in the database (each block in a transaction of its own). */
@ApplicationScoped
public class MessageIdSource {

    private static final int BLOCK_SIZE = 10_000;

    @EJB
    private IdBlocks blocks;

    private record NodeAllocator(int nodeId, IdAllocator allocator) {
    }

    private volatile NodeAllocator current;

    /** {@code count} fresh ids of the node; a new NODEID (after a reload) starts its own blocks. */
    public long[] next(int nodeId, int count) {
        NodeAllocator node = current;
        if (node == null || node.nodeId() != nodeId) {
            synchronized (this) {
                node = current;
                if (node == null || node.nodeId() != nodeId) {
                    node = new NodeAllocator(nodeId, new IdAllocator(nodeId, BLOCK_SIZE, size -> blocks.reserve(nodeId, size)));
                    current = node;
                }
            }
        }
        return node.allocator().next(count);
    }
}
