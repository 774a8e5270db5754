package org.openemg.rar.api;

import org.openemg.core.message.Options;

/** One stored message part handed to an outgoing connector: its id and its options. */
public record SubmitRequest(long messageId, Options options) {
}
