package org.openemg.core.receipt;

import java.util.Locale;
import java.util.Optional;

import org.openemg.core.message.MessageState;

/**
 * The SMPP 3.4 message states, as the {@code stat:} word of a receipt text and as the
 * {@code message_state} TLV. Each constant is named after the MESSAGESTATE option value it
 * gives a DLR (spec sections 1 and 7).
 */
public enum ReceiptState {
    // ENROUTE, ACCEPTD and UNKNOWN say nothing final about the handset, so the message stays
    // SUBMITTED until a final receipt or its validity period ends it.
    ENROUTE("ENROUTE", 1, MessageState.SUBMITTED),
    DELIVERED("DELIVRD", 2, MessageState.DELIVERED),
    EXPIRED("EXPIRED", 3, MessageState.EXPIRED),
    DELETED("DELETED", 4, MessageState.DELETED),
    UNDELIVERABLE("UNDELIV", 5, MessageState.FAILED),
    ACCEPTED("ACCEPTD", 6, MessageState.SUBMITTED),
    UNKNOWN("UNKNOWN", 7, MessageState.SUBMITTED),
    REJECTED("REJECTD", 8, MessageState.FAILED);

    private final String stat;
    private final int tlvValue;
    private final MessageState messageState;

    ReceiptState(String stat, int tlvValue, MessageState messageState) {
        this.stat = stat;
        this.tlvValue = tlvValue;
        this.messageState = messageState;
    }

    /** The seven-letter word of the receipt text, e.g. {@code DELIVRD}. */
    public String stat() {
        return stat;
    }

    /** The value of the {@code message_state} TLV. */
    public int tlvValue() {
        return tlvValue;
    }

    /** The spec's MESSAGESTATE option value, e.g. {@code UNDELIVERABLE}. */
    public String messageStateOption() {
        return name();
    }

    /** What the receipt does to the original message's row. */
    public MessageState messageState() {
        return messageState;
    }

    /**
     * The state for a {@code stat:} word, in any case. Some SMSCs spell out the state
     * ({@code DELIVERED}, {@code UNDELIVERABLE}), so the MESSAGESTATE names are accepted too.
     */
    public static Optional<ReceiptState> fromStat(String stat) {
        if (stat == null) {
            return Optional.empty();
        }
        String word = stat.trim().toUpperCase(Locale.ROOT);
        for (ReceiptState s : values()) {
            if (s.stat.equals(word) || s.name().equals(word)) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }

    /** The state for a {@code message_state} TLV value; empty for values SMPP 3.4 does not define. */
    public static Optional<ReceiptState> fromTlv(int tlvValue) {
        for (ReceiptState s : values()) {
            if (s.tlvValue == tlvValue) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }

    /**
     * The state to report for a DLR's MESSAGESTATE option. FAILED, which the gateway itself
     * gives synthesised DLRs, has no SMPP state of its own and is reported as UNDELIVERABLE.
     */
    public static Optional<ReceiptState> fromMessageStateOption(String option) {
        if ("FAILED".equalsIgnoreCase(option)) {
            return Optional.of(UNDELIVERABLE);
        }
        return fromStat(option);
    }
}
