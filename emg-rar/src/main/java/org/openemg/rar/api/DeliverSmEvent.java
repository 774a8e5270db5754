package org.openemg.rar.api;

/**
 * One deliver_sm as the SMSC sent it. {@code messagePayload}, {@code receiptedMessageId} and
 * {@code messageState} are null when the PDU has no such TLV.
 */
public record DeliverSmEvent(SmppAddress source, SmppAddress destination, byte esmClass, byte protocolId,
                             byte dataCoding, byte[] shortMessage, byte[] messagePayload,
                             String receiptedMessageId, Integer messageState) {

    /** True when esm_class marks an SMSC delivery receipt (or an intermediate notification). */
    public boolean isReceipt() {
        int messageType = esmClass & 0x3C;
        return messageType == 0x04 || messageType == 0x20;
    }
}
