package org.openemg.rar.smpp.client;

import org.openemg.core.message.OptionNames;
import org.openemg.core.message.Options;

/**
 * An SMPP address with its type of number and numbering plan, and the rules that derive them from
 * a message's SOURCEADDR/DESTADDR options (spec section 1).
 */
public record SmppAddress(byte ton, byte npi, String address) {

    static final byte TON_UNKNOWN = 0;
    static final byte TON_INTERNATIONAL = 1;
    static final byte TON_ALPHANUMERIC = 5;
    static final byte NPI_UNKNOWN = 0;
    static final byte NPI_ISDN = 1;

    public static SmppAddress source(Options options) {
        return of(options.get(OptionNames.SOURCEADDR), options, OptionNames.SOURCEADDRTON, OptionNames.SOURCEADDRNPI);
    }

    public static SmppAddress destination(Options options) {
        return of(options.get(OptionNames.DESTADDR), options, OptionNames.DESTADDRTON, OptionNames.DESTADDRNPI);
    }

    /**
     * '+' means international (and is not sent); anything not all digits is alphanumeric; plain
     * digits are taken as international. Explicit TON/NPI options win over these guesses.
     */
    private static SmppAddress of(String value, Options options, String tonOption, String npiOption) {
        String address = value == null ? "" : value.trim();
        byte ton;
        byte npi;
        if (address.isEmpty()) {
            ton = TON_UNKNOWN;
            npi = NPI_UNKNOWN;
        } else if (address.charAt(0) == '+') {
            address = address.substring(1);
            ton = TON_INTERNATIONAL;
            npi = NPI_ISDN;
        } else if (isDigits(address)) {
            ton = TON_INTERNATIONAL;
            npi = NPI_ISDN;
        } else {
            ton = TON_ALPHANUMERIC;
            npi = NPI_UNKNOWN;
        }
        return new SmppAddress((byte) options.getInt(tonOption, ton), (byte) options.getInt(npiOption, npi), address);
    }

    private static boolean isDigits(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }
}
