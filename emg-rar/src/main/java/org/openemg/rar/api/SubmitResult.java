package org.openemg.rar.api;

/** The result of one submit: outcome, the SMPP command_status, and the SMSC's message id when accepted. */
public record SubmitResult(long messageId, SubmitOutcome outcome, int commandStatus, String smscId) {
}
