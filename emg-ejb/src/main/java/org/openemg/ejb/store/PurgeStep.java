package org.openemg.ejb.store;

/**
 * One step of purging the message log: how many rows it deleted, where the next step starts, and whether
 * it reached messages created after the cut-off (nothing older lies beyond them, as ids grow with time).
 */
public record PurgeStep(int deleted, long nextId, boolean done) {
}
