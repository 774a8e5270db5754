package org.openemg.core.text;

/**
 * The character set an SMPP data_coding value implies: SMPP 3.4's table for 0x00-0x0F, the
 * GSM 03.38 coding groups above (general data coding with class bits, message waiting groups,
 * and the 0xF0 data coding/message class group).
 */
public enum Alphabet {
    /** GSM 03.38 default alphabet, unpacked septets. */
    GSM,
    /** IA5 (data_coding 1): ASCII, one octet per character. */
    ASCII,
    /** ISO-8859-1 (data_coding 3). */
    LATIN1,
    /** 8-bit data (data_coding 2, 4, 0x14-0x17, 0xF4-0xF7). */
    OCTETS,
    /** UTF-16BE code units (data_coding 8, 0x18-0x1B, 0xE0-0xEF). */
    UCS2,
    /** Compressed, reserved or national codings: carried only as binary. */
    OTHER;

    public static Alphabet of(int dataCoding) {
        int dcs = dataCoding & 0xFF;
        if (dcs < 0x10) {
            return switch (dcs) {
                case 0 -> GSM;
                case 1 -> ASCII;
                case 2, 4 -> OCTETS;
                case 3 -> LATIN1;
                case 8 -> UCS2;
                default -> OTHER;
            };
        }
        if (dcs < 0x80) {
            if ((dcs & 0x20) != 0) {
                return OTHER;
            }
            return switch ((dcs >> 2) & 3) {
                case 0 -> GSM;
                case 1 -> OCTETS;
                case 2 -> UCS2;
                default -> OTHER;
            };
        }
        if (dcs < 0xC0) {
            return OTHER;
        }
        if (dcs < 0xE0) {
            return GSM;
        }
        if (dcs < 0xF0) {
            return UCS2;
        }
        return (dcs & 0x04) != 0 ? OCTETS : GSM;
    }

    /** The data_coding the gateway computes for this alphabet, with class bits when a message class (0-3) is given, else -1. */
    int dataCoding(int messageClass) {
        boolean classed = messageClass >= 0;
        return switch (this) {
            case GSM -> classed ? 0x10 | messageClass : 0x00;
            case UCS2 -> classed ? 0x18 | messageClass : 0x08;
            case OCTETS -> classed ? 0xF4 | messageClass : 0x04;
            case LATIN1 -> 0x03;
            case ASCII -> 0x01;
            case OTHER -> throw new IllegalStateException("no data_coding is computed for " + this);
        };
    }
}
