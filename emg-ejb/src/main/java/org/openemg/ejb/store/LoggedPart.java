package org.openemg.ejb.store;

import org.openemg.core.message.MessageState;

/** A row of the message log as an operator sees it: one part of a message (or a DLR), without its options. */
public record LoggedPart(long id, long messageId, MessageState state, String inConnector, String outConnector,
                         int priority, Long dueAt, int attempts, String destAddr, String username, String smscId,
                         long createdAt, long updatedAt, String reportState, Long reportAt, String reportError) {
}
