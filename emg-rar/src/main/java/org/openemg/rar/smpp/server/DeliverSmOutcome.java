package org.openemg.rar.smpp.server;

import org.jsmpp.SMPPConstant;
import org.openemg.rar.api.SendOutcome;

/** What a client's deliver_sm_resp command_status means for the message delivered. */
final class DeliverSmOutcome {

    private DeliverSmOutcome() {
    }

    /**
     * Taken is final (DELIVERED: the client gives no receipts for what it is delivered). Only a client that
     * says never (ESME_RX_P_APPN, ESME_RX_R_APPN) rejects it; any other error is retried.
     */
    static SendOutcome of(int commandStatus) {
        return switch (commandStatus) {
            case SMPPConstant.STAT_ESME_ROK -> SendOutcome.DELIVERED;
            case SMPPConstant.STAT_ESME_RTHROTTLED -> SendOutcome.THROTTLED;
            case SMPPConstant.STAT_ESME_RX_P_APPN, SMPPConstant.STAT_ESME_RX_R_APPN -> SendOutcome.REJECTED;
            default -> SendOutcome.RETRY;
        };
    }
}
