package org.openemg.core.id;

/**
 * Persists a new high-water mark for this node's id sequence and returns the first sequence of the
 * fresh block {@code [first, first + blockSize)}. Blocks never overlap, also across restarts: ids
 * left unused in a block when the server stops are skipped, never handed out twice.
 */
@FunctionalInterface
public interface BlockReserver {

    long reserve(int blockSize);
}
