package org.openemg.core.text;

import org.openemg.core.message.GatewayException;

/** Hex as options carry binary data (MESSAGE with CHARCODE=2, UDH): two digits per octet, either case. */
public final class Hex {

    private static final char[] DIGITS = "0123456789ABCDEF".toCharArray();

    private Hex() {
    }

    /** The octets of the hex value of option {@code option}; odd length or a non-hex character is an invalid argument naming it. */
    public static byte[] decode(String hex, String option) {
        int n = hex.length();
        if ((n & 1) != 0) {
            throw GatewayException.invalidArgument(option);
        }
        byte[] out = new byte[n / 2];
        for (int i = 0; i < n; i += 2) {
            int hi = digit(hex.charAt(i));
            int lo = digit(hex.charAt(i + 1));
            if (hi < 0 || lo < 0) {
                throw GatewayException.invalidArgument(option);
            }
            out[i / 2] = (byte) (hi << 4 | lo);
        }
        return out;
    }

    /** Whether the value reads as hex octets: not empty, even length, hex digits only. */
    public static boolean isHex(String value, int multipleOf) {
        int n = value.length();
        if (n == 0 || n % multipleOf != 0) {
            return false;
        }
        for (int i = 0; i < n; i++) {
            if (digit(value.charAt(i)) < 0) {
                return false;
            }
        }
        return true;
    }

    /** ASCII digits only: Character.digit would also accept other scripts' digits. */
    private static int digit(char c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        if (c >= 'A' && c <= 'F') {
            return c - 'A' + 10;
        }
        if (c >= 'a' && c <= 'f') {
            return c - 'a' + 10;
        }
        return -1;
    }

    public static String encode(byte[] octets) {
        return encode(octets, 0, octets.length);
    }

    public static String encode(byte[] octets, int from, int to) {
        char[] out = new char[(to - from) * 2];
        for (int i = from, j = 0; i < to; i++) {
            out[j++] = DIGITS[(octets[i] >> 4) & 0xF];
            out[j++] = DIGITS[octets[i] & 0xF];
        }
        return new String(out);
    }
}
