package org.openemg.core.address;

import java.util.regex.Pattern;

import org.openemg.core.message.GatewayException;

/**
 * A checked SOURCEADDR or DESTADDR with its type of number and numbering plan (GSM 03.40).
 * A leading '+' means international (TON 1, NPI 1 ISDN) and is removed; digits without '+' are
 * TON 0 (unknown) with NPI 1, leaving the SMSC to decide; alphanumeric senders are TON 5, NPI 0.
 * Explicit TON/NPI options always win.
 */
public record SmsAddress(String digitsOrText, int ton, int npi) {

    public static final int TON_UNKNOWN = 0;
    public static final int TON_INTERNATIONAL = 1;
    public static final int TON_ALPHANUMERIC = 5;
    public static final int NPI_UNKNOWN = 0;
    public static final int NPI_ISDN = 1;

    private static final Pattern NUMBER = Pattern.compile("\\+?[0-9]{1,20}");
    /**
     * Letters, digits, space and the punctuation of the GSM 03.38 basic table; characters of the
     * extension table ([, ], {, ...) are left out because they take two septets in the 11-character field.
     */
    private static final Pattern ALPHANUMERIC = Pattern.compile("[A-Za-z0-9 !\"#$%&'()*+,\\-./:;<=>?@_]{1,11}");

    public static SmsAddress destination(String value, Integer ton, Integer npi) {
        if (value == null || !NUMBER.matcher(value).matches()) {
            throw GatewayException.invalidArgument("DESTADDR");
        }
        return number(value, ton, npi, "DESTADDR");
    }

    public static SmsAddress source(String value, Integer ton, Integer npi) {
        if (value != null && NUMBER.matcher(value).matches()) {
            return number(value, ton, npi, "SOURCEADDR");
        }
        if (value == null || !ALPHANUMERIC.matcher(value).matches()) {
            throw GatewayException.invalidArgument("SOURCEADDR");
        }
        return new SmsAddress(value, checked(ton, 7, "SOURCEADDRTON", TON_ALPHANUMERIC),
                checked(npi, 15, "SOURCEADDRNPI", NPI_UNKNOWN));
    }

    private static SmsAddress number(String value, Integer ton, Integer npi, String option) {
        boolean international = value.startsWith("+");
        return new SmsAddress(international ? value.substring(1) : value,
                checked(ton, 7, option + "TON", international ? TON_INTERNATIONAL : TON_UNKNOWN),
                checked(npi, 15, option + "NPI", NPI_ISDN));
    }

    private static int checked(Integer value, int max, String option, int fallback) {
        if (value == null) {
            return fallback;
        }
        if (value < 0 || value > max) {
            throw GatewayException.invalidArgument(option);
        }
        return value;
    }

    /** The address as a client would write it: '+' in front of an international number. */
    public String display() {
        return ton == TON_INTERNATIONAL ? "+" + digitsOrText : digitsOrText;
    }
}
