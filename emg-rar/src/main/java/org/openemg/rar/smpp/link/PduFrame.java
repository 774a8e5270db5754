package org.openemg.rar.smpp.link;

import org.jsmpp.SMPPConstant;

/**
 * One PDU as read off a link: its header fields, and the whole PDU (header included), which is what
 * jSMPP's decomposer takes.
 */
public record PduFrame(int commandId, int commandStatus, int sequenceNumber, byte[] pdu) {

    public static final int HEADER_LENGTH = 16;

    /** Responses and generic_nack carry the response bit. */
    public boolean isResponse() {
        return (commandId & SMPPConstant.MASK_CID_RESP) != 0;
    }

    public int commandLength() {
        return pdu.length;
    }
}
