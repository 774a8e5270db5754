package org.openemg.rar.api;

import org.openemg.core.message.Options;

/** One stored message part handed to a connector for sending: its id and its options. */
public record OutgoingMessage(long messageId, Options options) {
}
