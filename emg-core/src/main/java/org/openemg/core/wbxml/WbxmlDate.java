package org.openemg.core.wbxml;

import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.Arrays;

/**
 * The OPAQUE form of an SI date (WAP-167; PAP-WAP.md 2.6): the 14 digits of
 * {@code YYYY-MM-DDThh:mm:ssZ} packed two per octet, trailing zero octets dropped, since phones
 * reject the message when they are left in.
 */
public final class WbxmlDate {

    private static final DateTimeFormatter FORMAT =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss'Z'").withResolverStyle(ResolverStyle.STRICT);

    private WbxmlDate() {
    }

    public static byte[] octets(String value) throws DocumentException {
        String v = value.trim();
        try {
            LocalDateTime.parse(v, FORMAT);
        } catch (DateTimeParseException e) {
            throw new DocumentException("not a date YYYY-MM-DDThh:mm:ssZ: " + value, e);
        }
        String digits = v.replaceAll("[^0-9]", "");
        byte[] packed = new byte[7];
        int length = 0;
        for (int i = 0; i < packed.length; i++) {
            packed[i] = (byte) ((digits.charAt(2 * i) - '0') << 4 | (digits.charAt(2 * i + 1) - '0'));
            if (packed[i] != 0) {
                length = i + 1;
            }
        }
        return Arrays.copyOf(packed, length);
    }
}
