package org.openemg.core.receipt;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** The receipt text our SMPP server puts in a DLR's deliver_sm (spec section 4). */
public final class DeliveryReceiptText {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("uuMMddHHmm").withZone(ZoneOffset.UTC);
    private static final int QUOTED_CODE_POINTS = 20;

    private DeliveryReceiptText() {
    }

    /**
     * {@code id:<ID> sub:001 dlvrd:001 submit date:yyMMddHHmm done date:yyMMddHHmm stat:DELIVRD err:000 text:<first 20 chars>},
     * with {@code dlvrd:000} for every state but DELIVERED; dates in UTC; {@code err:} the SMSC's error, 000 when none.
     *
     * @param error the error the SMSC gave (its receipt's err:, or a submit's command_status), null for none
     * @param messageText the original message's text; null quotes nothing
     */
    public static String format(String id, ReceiptState state, Instant submitDate, Instant doneDate, String error,
                                String messageText) {
        return "id:" + id
                + " sub:001"
                + " dlvrd:" + (state == ReceiptState.DELIVERED ? "001" : "000")
                + " submit date:" + DATE.format(submitDate)
                + " done date:" + DATE.format(doneDate)
                + " stat:" + state.stat()
                + " err:" + err(error)
                + " text:" + quote(messageText);
    }

    /** Three characters as receipts carry them: shorter codes zero-padded, longer ones kept whole. */
    private static String err(String error) {
        if (error == null || error.isBlank()) {
            return "000";
        }
        String code = error.strip();
        return "0".repeat(Math.max(0, 3 - code.length())) + code;
    }

    private static String quote(String messageText) {
        if (messageText == null) {
            return "";
        }
        StringBuilder quoted = new StringBuilder();
        // Code points, so a surrogate pair is never cut; line breaks become spaces because
        // readers take text: to the end of the line.
        messageText.codePoints()
                .limit(QUOTED_CODE_POINTS)
                .map(c -> c == '\r' || c == '\n' ? ' ' : c)
                .forEach(quoted::appendCodePoint);
        return quoted.toString();
    }
}
