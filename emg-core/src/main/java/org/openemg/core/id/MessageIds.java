package org.openemg.core.id;

/**
 * Message ids (spec section 1): decimal 64-bit, node id (0-8999) times 10^15 plus a per-node sequence
 * (0 to 10^15-1), so nodes sharing a database never collide and the node is readable in the id.
 */
public final class MessageIds {

    public static final int MAX_NODE_ID = 8999;
    public static final long SEQUENCES_PER_NODE = 1_000_000_000_000_000L;
    public static final long MAX_SEQUENCE = SEQUENCES_PER_NODE - 1;
    /** Most parts one message has: a concatenated SMS numbers its parts in one octet. */
    public static final int MAX_PARTS = 255;

    private MessageIds() {
    }

    public static long compose(int nodeId, long sequence) {
        requireNodeId(nodeId);
        if (sequence < 0 || sequence > MAX_SEQUENCE) {
            throw new IllegalArgumentException("sequence out of range 0.." + MAX_SEQUENCE + ": " + sequence);
        }
        return nodeId * SEQUENCES_PER_NODE + sequence;
    }

    /**
     * The highest id a part of the message {@code messageId} can have: its parts have consecutive ids from its own
     * ({@link IdAllocator} hands out each call's ids so), which lets the primary key find them without a parent index.
     */
    public static long lastPartId(long messageId) {
        return messageId + MAX_PARTS - 1;
    }

    public static int nodeOf(long id) {
        requireId(id);
        return (int) (id / SEQUENCES_PER_NODE);
    }

    public static long sequenceOf(long id) {
        requireId(id);
        return id % SEQUENCES_PER_NODE;
    }

    static void requireNodeId(int nodeId) {
        if (nodeId < 0 || nodeId > MAX_NODE_ID) {
            throw new IllegalArgumentException("node id out of range 0.." + MAX_NODE_ID + ": " + nodeId);
        }
    }

    private static void requireId(long id) {
        if (id < 0 || id / SEQUENCES_PER_NODE > MAX_NODE_ID) {
            throw new IllegalArgumentException("not a message id: " + id);
        }
    }
}
