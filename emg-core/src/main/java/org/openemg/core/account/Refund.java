package org.openemg.core.account;

import org.openemg.core.message.MessageState;

/**
 * When a part's charge goes back to its account: when the gateway could not hand it to a carrier, i.e. it ends
 * FAILED, EXPIRED or DELETED while still ours (QUEUED or INFLIGHT: refused by the SMSC's submit_sm_resp, retries
 * exhausted, VP run out in the queue, cancelled). Once an SMSC accepted it (SUBMITTED), a receipt saying it failed
 * refunds nothing: the operator carried it and charges for it.
 */
public final class Refund {

    private Refund() {
    }

    public static boolean due(MessageState from, MessageState to) {
        boolean ours = from == MessageState.QUEUED || from == MessageState.INFLIGHT;
        boolean lost = to == MessageState.FAILED || to == MessageState.EXPIRED || to == MessageState.DELETED;
        return ours && lost;
    }
}
