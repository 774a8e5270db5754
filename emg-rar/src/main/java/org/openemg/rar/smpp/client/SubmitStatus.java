package org.openemg.rar.smpp.client;

import org.openemg.rar.api.SendOutcome;

/** What a submit_sm_resp (or generic_nack) command_status means for the message. */
final class SubmitStatus {

    /** The commandStatus of a result the SMSC never answered (LINK_LOST, response timeout). */
    static final int NONE = -1;

    static final int ESME_ROK = 0x00;
    static final int ESME_RSYSERR = 0x08;
    static final int ESME_RMSGQFUL = 0x14;
    static final int ESME_RTHROTTLED = 0x58;
    static final int ESME_RX_T_APPN = 0x64;

    private SubmitStatus() {
    }

    /**
     * Only errors that say nothing about the message itself are temporary: the SMSC's system error,
     * its full queue, and the "temporary application error" it may answer for anything transient.
     * Everything else (addresses, lengths, submit failed, ...) would fail again: REJECTED.
     */
    static SendOutcome outcome(int commandStatus) {
        return switch (commandStatus) {
            case ESME_ROK -> SendOutcome.ACCEPTED;
            case ESME_RTHROTTLED -> SendOutcome.THROTTLED;
            case ESME_RSYSERR, ESME_RMSGQFUL, ESME_RX_T_APPN -> SendOutcome.RETRY;
            default -> SendOutcome.REJECTED;
        };
    }
}
