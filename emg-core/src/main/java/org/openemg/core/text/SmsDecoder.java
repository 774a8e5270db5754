package org.openemg.core.text;

/**
 * Reads a received short_message or message_payload: splits off the user data header when
 * esm_class has UDHI (0x40), decodes the rest by data_coding (GSM unpacked, IA5, Latin-1, UCS2;
 * 8-bit and unknown codings stay octets) and finds the concatenation in the SAR TLVs or the
 * header's 8-bit or 16-bit reference element.
 */
public final class SmsDecoder {

    private static final int UDHI = 0x40;
    private static final byte[] EMPTY = new byte[0];

    private SmsDecoder() {
    }

    public static IncomingSms decode(EncodedSms sms) {
        return decode(sms.dataCoding() & 0xFF, sms.esmClass() & 0xFF, sms.shortMessage(), sms.messagePayload(),
                sms.sarRefNum(), sms.sarTotalSegments(), sms.sarSegmentSeqnum());
    }

    /**
     * message_payload is read when short_message is empty; the SAR values may be null. A header
     * whose lengths run past the data is taken as no header, the octets as data.
     */
    public static IncomingSms decode(int dataCoding, int esmClass, byte[] shortMessage, byte[] messagePayload,
                                     Integer sarRefNum, Integer sarTotalSegments, Integer sarSegmentSeqnum) {
        byte[] userData = shortMessage != null && shortMessage.length > 0 ? shortMessage
                : messagePayload != null ? messagePayload : EMPTY;
        UserDataHeader header = UserDataHeader.NONE;
        byte[] data = userData;
        if ((esmClass & UDHI) != 0) {
            UserDataHeader read = UserDataHeader.read(userData, userData.length);
            if (read != null) {
                header = read;
                data = java.util.Arrays.copyOfRange(userData, read.length(), userData.length);
            }
        }
        Concat concat = sar(sarRefNum, sarTotalSegments, sarSegmentSeqnum);
        if (concat == null) {
            concat = header.concat();
        }
        return new IncomingSms(dataCoding, esmClass, header, data, text(Alphabet.of(dataCoding), data), concat);
    }

    private static Concat sar(Integer ref, Integer total, Integer seq) {
        if (ref == null || total == null || seq == null || ref < 0 || ref > 0xFFFF
                || total < 1 || total > 255 || seq < 1 || seq > total) {
            return null;
        }
        return new Concat(ref, seq, total);
    }

    /** The text of user data in that alphabet, or null when it is not text. */
    static String text(Alphabet alphabet, byte[] data) {
        return switch (alphabet) {
            case GSM -> GsmAlphabet.decode(data);
            case UCS2 -> Ucs2.decode(data);
            case LATIN1, ASCII -> Latin1.decode(data, 0, data.length);
            case OCTETS, OTHER -> null;
        };
    }
}
