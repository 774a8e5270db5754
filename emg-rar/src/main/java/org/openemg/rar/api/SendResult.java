package org.openemg.rar.api;

/**
 * How one send ended: the outcome, the protocol's status (an SMPP command_status) and the id the
 * peer gave the message (the SMSC's message_id) when accepted.
 */
public record SendResult(long messageId, SendOutcome outcome, int protocolStatus, String remoteId) {
}
