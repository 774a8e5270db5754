package org.openemg.core.receipt;

import java.util.Optional;

/**
 * The {@code err:} code of a receipt as the gateway keeps it (the SMSC's error, shown by /bin/status): none
 * when the SMSC sent none or only zeros (SMPP 3.4 Appendix B: 000 is no error), else the code as sent,
 * cut to the 16 characters the store keeps.
 */
public final class ReceiptError {

    private static final int LONGEST = 16;

    private ReceiptError() {
    }

    public static Optional<String> of(String err) {
        if (err == null) {
            return Optional.empty();
        }
        String code = err.strip();
        if (code.isEmpty() || code.chars().allMatch(c -> c == '0')) {
            return Optional.empty();
        }
        return Optional.of(code.length() > LONGEST ? code.substring(0, LONGEST) : code);
    }
}
