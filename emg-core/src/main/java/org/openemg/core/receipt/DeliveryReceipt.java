package org.openemg.core.receipt;

import java.time.Instant;

import org.openemg.core.message.MessageState;

/**
 * A delivery receipt as read from a deliver_sm's text (SMPP 3.4 Appendix B). Every field but
 * {@code id} may be null when the SMSC left it out or sent something unreadable.
 *
 * @param id the SMSC's id of the original message, as sent; match it with {@link SmscId#candidates}
 * @param submitted the {@code sub:} count
 * @param delivered the {@code dlvrd:} count
 * @param submitDate the {@code submit date:}, read as UTC
 * @param doneDate the {@code done date:}, read as UTC
 * @param stat the {@code stat:} word as sent
 * @param err the {@code err:} code as sent
 * @param text the rest of the line after {@code text:}, verbatim
 */
public record DeliveryReceipt(
        String id,
        Integer submitted,
        Integer delivered,
        Instant submitDate,
        Instant doneDate,
        String stat,
        String err,
        String text) {

    /** The state named by {@code stat}; UNKNOWN when it is missing or not an SMPP state. */
    public ReceiptState receiptState() {
        return ReceiptState.fromStat(stat).orElse(ReceiptState.UNKNOWN);
    }

    public MessageState state() {
        return receiptState().messageState();
    }

    /** The MESSAGESTATE option of the DLR this receipt becomes. */
    public String messageStateOption() {
        return receiptState().messageStateOption();
    }
}
