package org.openemg.core.text;

/**
 * UCS2 as SMS carries it: UTF-16BE code units, two octets each. A character outside the BMP is a
 * surrogate pair, two units that segmentation keeps together.
 */
public final class Ucs2 {

    private Ucs2() {
    }

    public static byte[] encode(CharSequence text) {
        int n = text.length();
        byte[] out = new byte[n * 2];
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            out[2 * i] = (byte) (c >> 8);
            out[2 * i + 1] = (byte) c;
        }
        return out;
    }

    public static String decode(byte[] octets) {
        return decode(octets, 0, octets.length);
    }

    /** A trailing odd octet cannot be a unit and becomes U+FFFD. */
    public static String decode(byte[] octets, int offset, int length) {
        int units = length / 2;
        char[] out = new char[units + (length & 1)];
        for (int i = 0; i < units; i++) {
            out[i] = unit(octets, offset + 2 * i);
        }
        if ((length & 1) != 0) {
            out[units] = '\uFFFD';
        }
        return new String(out);
    }

    static char unit(byte[] octets, int index) {
        return (char) ((octets[index] & 0xFF) << 8 | octets[index + 1] & 0xFF);
    }
}
