package org.openemg.core.flow;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * How many parts each outgoing connector has not yet settled (queued or in flight), kept in memory so that
 * MAXQUEUESIZE costs no query per message. Parts are taken before their commit ({@link #take}), confirmed
 * or given back after it; a recount from the table ({@link #recount}) keeps what is being committed.
 * Thread-safe.
 */
public final class QueueDepths {

    private static final class Depth {
        private int parts;
        private int committing;
    }

    private final Map<String, Depth> depths = new ConcurrentHashMap<>();

    private Depth of(String connector) {
        return depths.computeIfAbsent(connector, c -> new Depth());
    }

    /**
     * Takes room for {@code parts} parts about to be committed for {@code connector}; false, taking nothing,
     * when its queue holds {@code limit} parts or more ({@code limit} 0 or less: no limit). A message is
     * never split over two connectors, so one larger than the room left is refused only when the queue is not empty.
     */
    public boolean take(String connector, int parts, int limit) {
        Depth depth = of(connector);
        synchronized (depth) {
            if (limit > 0 && depth.parts > 0 && depth.parts + parts > limit) {
                return false;
            }
            depth.parts += parts;
            depth.committing += parts;
            return true;
        }
    }

    /** Taken parts are committed: in the table from now on. */
    public void committed(String connector, int parts) {
        Depth depth = of(connector);
        synchronized (depth) {
            depth.committing = Math.max(0, depth.committing - parts);
        }
    }

    /** Taken parts were not committed after all. */
    public void giveBack(String connector, int parts) {
        Depth depth = of(connector);
        synchronized (depth) {
            depth.committing = Math.max(0, depth.committing - parts);
            depth.parts = Math.max(0, depth.parts - parts);
        }
    }

    /** Parts that left the queue: sent and answered, failed, expired, moved to another connector. */
    public void settled(String connector, int parts) {
        if (parts <= 0) {
            return;
        }
        Depth depth = of(connector);
        synchronized (depth) {
            depth.parts = Math.max(0, depth.parts - parts);
        }
    }

    /** Parts moved here from another connector's queue. */
    public void added(String connector, int parts) {
        if (parts <= 0) {
            return;
        }
        Depth depth = of(connector);
        synchronized (depth) {
            depth.parts += parts;
        }
    }

    /** What the table holds now, plus what is being committed (not yet counted there). */
    public void recount(String connector, int inTable) {
        Depth depth = of(connector);
        synchronized (depth) {
            depth.parts = inTable + depth.committing;
        }
    }

    public int depth(String connector) {
        Depth depth = of(connector);
        synchronized (depth) {
            return depth.parts;
        }
    }
}
