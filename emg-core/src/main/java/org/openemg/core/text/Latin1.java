package org.openemg.core.text;

/** ISO-8859-1 (data_coding 3), and the byte-per-character form of text sent as 8-bit or IA5 data. */
public final class Latin1 {

    private Latin1() {
    }

    /** Whether every character is below {@code limit} (0x100 for Latin-1, 0x80 for IA5/ASCII). */
    public static boolean canEncode(CharSequence text, int limit) {
        for (int i = 0, n = text.length(); i < n; i++) {
            if (text.charAt(i) >= limit) {
                return false;
            }
        }
        return true;
    }

    public static byte[] encode(CharSequence text) {
        int n = text.length();
        byte[] out = new byte[n];
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            if (c > 0xFF) {
                throw new IllegalArgumentException("not in Latin-1 at " + i);
            }
            out[i] = (byte) c;
        }
        return out;
    }

    public static String decode(byte[] octets, int offset, int length) {
        return new String(octets, offset, length, java.nio.charset.StandardCharsets.ISO_8859_1);
    }
}
