package org.openemg.ejb.admin;

import java.math.BigDecimal;

/**
 * A user of a users file of the running configuration. {@code configuredBalance} is the file's BALANCE;
 * {@code balance} is the running balance the database keeps (null until accounts are kept there).
 */
public record UserEntry(String connector, String username, boolean admin, BigDecimal configuredBalance,
                        BigDecimal balance) {
}
