package org.openemg.rar.smpp.client;

/** A part whose options cannot make a valid submit_sm; it is rejected without reaching the SMSC. */
final class UnsendableMessageException extends Exception {

    private final int commandStatus;

    UnsendableMessageException(int commandStatus, String message, Throwable cause) {
        super(message, cause, false, false);
        this.commandStatus = commandStatus;
    }

    /** The SMPP error status that best names the fault, reported in the REJECTED result. */
    int commandStatus() {
        return commandStatus;
    }
}
