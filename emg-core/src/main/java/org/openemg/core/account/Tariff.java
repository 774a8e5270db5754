package org.openemg.core.account;

import java.math.BigDecimal;

/**
 * What a message costs its account: one credit per part (an SMS the operator carries), whatever the
 * connector or the destination. A long message split in three costs three.
 */
public final class Tariff {

    public static final BigDecimal PER_PART = BigDecimal.ONE.setScale(Account.SCALE);

    private Tariff() {
    }

    public static BigDecimal price(int parts) {
        if (parts < 0) {
            throw new IllegalArgumentException("a negative number of parts: " + parts);
        }
        return PER_PART.multiply(BigDecimal.valueOf(parts));
    }
}
