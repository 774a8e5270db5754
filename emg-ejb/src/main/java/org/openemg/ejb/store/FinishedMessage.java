package org.openemg.ejb.store;

import org.openemg.core.message.MessageState;

/** A message whose every part is final, once: its id, its first part's options, its state, when it was accepted and finished. */
public record FinishedMessage(long id, String options, MessageState state, long acceptedAt, long finishedAt, String error) {
}
