package org.openemg.rar.smpp.server;

/** A client's request the session answers with an error status at once, without asking the gateway. */
final class RefusedRequestException extends Exception {

    private final int commandStatus;

    RefusedRequestException(int commandStatus, String reason) {
        super(reason, null, false, false);
        this.commandStatus = commandStatus;
    }

    int commandStatus() {
        return commandStatus;
    }
}
