package org.openemg.core.text;

/**
 * The GSM 03.38 default alphabet with its extension table, one septet per octet ("unpacked",
 * as SMPP carries data_coding 0). An extension character is the escape septet 0x1B followed by
 * its code, so it counts as two septets.
 */
public final class GsmAlphabet {

    public static final byte ESCAPE = 0x1B;

    private static final String BASIC =
            "@£$¥èéùìòÇ\nØø\rÅå"
            + "Δ_ΦΓΛΩΠΨΣΘΞ\u001BÆæßÉ"
            + " !\"#¤%&'()*+,-./"
            + "0123456789:;<=>?"
            + "¡ABCDEFGHIJKLMNO"
            + "PQRSTUVWXYZÄÖÑÜ§"
            + "¿abcdefghijklmno"
            + "pqrstuvwxyzäöñüà";

    private static final char[] EXTENSION = new char[128];
    private static final char EURO = '€';
    private static final int EURO_CODE = 0x65;
    private static final int EXTENDED = 0x100;
    /** Codes of the characters below U+0400 (Latin and Greek): basic code, or EXTENDED|code, or -1. */
    private static final short[] CODES = new short[0x400];

    static {
        EXTENSION[0x0A] = '\f';
        EXTENSION[0x14] = '^';
        EXTENSION[0x28] = '{';
        EXTENSION[0x29] = '}';
        EXTENSION[0x2F] = '\\';
        EXTENSION[0x3C] = '[';
        EXTENSION[0x3D] = '~';
        EXTENSION[0x3E] = ']';
        EXTENSION[0x40] = '|';
        EXTENSION[EURO_CODE] = EURO;
        java.util.Arrays.fill(CODES, (short) -1);
        for (int i = 0; i < 128; i++) {
            if (i != ESCAPE) {
                CODES[BASIC.charAt(i)] = (short) i;
            }
            char ext = EXTENSION[i];
            if (ext != 0 && ext < CODES.length) {
                CODES[ext] = (short) (EXTENDED | i);
            }
        }
    }

    private GsmAlphabet() {
    }

    private static int code(char c) {
        if (c < CODES.length) {
            return CODES[c];
        }
        return c == EURO ? EXTENDED | EURO_CODE : -1;
    }

    /** The septets the text needs (an extension character counts 2), or -1 when a character is not in the alphabet. */
    public static int septetCount(CharSequence text) {
        int count = 0;
        for (int i = 0, n = text.length(); i < n; i++) {
            int code = code(text.charAt(i));
            if (code < 0) {
                return -1;
            }
            count += code >= EXTENDED ? 2 : 1;
        }
        return count;
    }

    public static boolean canEncode(CharSequence text) {
        return septetCount(text) >= 0;
    }

    /** The unpacked septets of the text; throws IllegalArgumentException for a character outside the alphabet. */
    public static byte[] encode(CharSequence text) {
        int count = septetCount(text);
        if (count < 0) {
            throw new IllegalArgumentException("not in the GSM 03.38 alphabet");
        }
        byte[] septets = new byte[count];
        int at = 0;
        for (int i = 0, n = text.length(); i < n; i++) {
            int code = code(text.charAt(i));
            if (code >= EXTENDED) {
                septets[at++] = ESCAPE;
            }
            septets[at++] = (byte) code;
        }
        return septets;
    }

    public static String decode(byte[] septets) {
        return decode(septets, 0, septets.length);
    }

    /**
     * The text of unpacked septets. The high bit of each octet is ignored; an escape before a code
     * with no extension character shows the basic character, as 03.38 asks of a receiving phone,
     * and a trailing lone escape is dropped.
     */
    public static String decode(byte[] septets, int offset, int length) {
        char[] out = new char[length];
        int n = 0;
        int end = offset + length;
        for (int i = offset; i < end; i++) {
            int code = septets[i] & 0x7F;
            if (code == ESCAPE) {
                if (++i == end) {
                    break;
                }
                int ext = septets[i] & 0x7F;
                char c = EXTENSION[ext];
                out[n++] = c != 0 ? c : BASIC.charAt(ext);
            } else {
                out[n++] = BASIC.charAt(code);
            }
        }
        return new String(out, 0, n);
    }
}
