package org.openemg.ejb.store;

/** The one part of a message that is still queued: its encoded options and schedule. */
public record QueuedPart(long id, String options, long dueAt, Long expiresAt) {
}
