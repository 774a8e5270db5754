package org.openemg.core.wsp;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import org.openemg.core.wbxml.MultiByteInteger;

/** Writes WSP's primitive encodings (WAP-230 section 8.4.2): uintvar, short and long integers, text, value lengths. */
final class WspWriter {

    private static final int QUOTE = 0x7F;
    private static final int LENGTH_QUOTE = 0x1F;
    private static final int MAX_SHORT_LENGTH = 30;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    WspWriter octet(int value) {
        out.write(value);
        return this;
    }

    WspWriter bytes(byte[] octets) {
        out.writeBytes(octets);
        return this;
    }

    WspWriter uintvar(int value) {
        MultiByteInteger.write(out, value);
        return this;
    }

    /** Integer-value: a Short-integer (one octet, high bit set) below 128, else a Long-integer (length, then big-endian octets). */
    WspWriter integer(long value) {
        if (value < 0x80) {
            return octet(0x80 | (int) value);
        }
        int length = (Long.SIZE - Long.numberOfLeadingZeros(value) + 7) / 8;
        out.write(length);
        for (int i = length - 1; i >= 0; i--) {
            out.write((int) (value >>> (8 * i)));
        }
        return this;
    }

    /** Text-string: NUL-terminated, with a quote octet first when the text would otherwise start at or above 0x80. */
    WspWriter text(String value) {
        byte[] octets = value.getBytes(StandardCharsets.UTF_8);
        if (octets.length > 0 && (octets[0] & 0x80) != 0) {
            out.write(QUOTE);
        }
        out.writeBytes(octets);
        out.write(0);
        return this;
    }

    /** Value-length: one octet up to 30, else 0x1F and a uintvar. */
    WspWriter valueLength(int length) {
        if (length <= MAX_SHORT_LENGTH) {
            return octet(length);
        }
        return octet(LENGTH_QUOTE).uintvar(length);
    }

    int size() {
        return out.size();
    }

    byte[] toBytes() {
        return out.toByteArray();
    }
}
