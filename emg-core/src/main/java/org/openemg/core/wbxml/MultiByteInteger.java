package org.openemg.core.wbxml;

import java.io.ByteArrayOutputStream;

/** WBXML's mb_u_int32, which WSP calls uintvar: seven bits per octet, most significant first, the high bit set on all but the last. */
public final class MultiByteInteger {

    private MultiByteInteger() {
    }

    public static void write(ByteArrayOutputStream out, int value) {
        int shift = 28;
        while (shift > 0 && (value >>> shift) == 0) {
            shift -= 7;
        }
        for (; shift > 0; shift -= 7) {
            out.write(0x80 | (value >>> shift) & 0x7F);
        }
        out.write(value & 0x7F);
    }
}
