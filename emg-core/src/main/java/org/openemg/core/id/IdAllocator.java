package org.openemg.core.id;

import java.util.concurrent.locks.ReentrantLock;

/**
 * Hands out message ids from blocks reserved through a {@link BlockReserver}, so the database is
 * touched once per block instead of once per message. Thread-safe; a batch costs one lock. The ids of
 * one call are consecutive, so the parts of a message lie between its id and {@link MessageIds#lastPartId}.
 */
public final class IdAllocator {

    public static final int DEFAULT_BLOCK_SIZE = 10_000;

    /** A lock, not {@code synchronized}: reserving does I/O and must not pin a virtual thread's carrier. */
    private final ReentrantLock lock = new ReentrantLock();
    private final int nodeId;
    private final int blockSize;
    private final BlockReserver reserver;
    private long next;
    private long end;

    public IdAllocator(int nodeId, int blockSize, BlockReserver reserver) {
        MessageIds.requireNodeId(nodeId);
        if (blockSize < 1) {
            throw new IllegalArgumentException("block size must be positive: " + blockSize);
        }
        this.nodeId = nodeId;
        this.blockSize = blockSize;
        this.reserver = reserver;
    }

    public IdAllocator(int nodeId, BlockReserver reserver) {
        this(nodeId, DEFAULT_BLOCK_SIZE, reserver);
    }

    public long next() {
        return next(1)[0];
    }

    /** {@code n} fresh consecutive ids, ascending. */
    public long[] next(int n) {
        if (n < 0) {
            throw new IllegalArgumentException("negative count: " + n);
        }
        long[] ids = new long[n];
        lock.lock();
        try {
            for (int i = 0; i < n; i++) {
                if (next == end && !reserveBlock()) {
                    // the new block does not follow the last one: the ids taken so far are left as a gap
                    i = 0;
                }
                ids[i] = MessageIds.compose(nodeId, next++);
            }
        } finally {
            lock.unlock();
        }
        return ids;
    }

    /** Whether the block reserved follows the previous one without a gap. */
    private boolean reserveBlock() {
        long first = reserver.reserve(blockSize);
        if (first < end || first < 0 || first > MessageIds.SEQUENCES_PER_NODE - blockSize) {
            throw new IllegalStateException("reserved block at " + first + " overlaps used ids or leaves"
                    + " the node's sequence range (used up to " + end + ")");
        }
        boolean follows = first == end;
        next = first;
        end = first + blockSize;
        return follows;
    }
}
