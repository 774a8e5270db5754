package org.openemg.core.text;

/**
 * Packed 7-bit user data (GSM 03.40): septets laid end to end, least significant bit first.
 * Fill bits are the zero bits placed first so that the septets start on a septet boundary
 * after a user data header.
 */
public final class GsmPacking {

    private GsmPacking() {
    }

    /** The fill bits needed after a user data header of that many octets (UDHL included). */
    public static int fillBits(int headerOctets) {
        return (7 - headerOctets * 8 % 7) % 7;
    }

    public static byte[] pack(byte[] septets, int fillBits) {
        checkFill(fillBits);
        byte[] out = new byte[(fillBits + septets.length * 7 + 7) / 8];
        int bit = fillBits;
        for (byte septet : septets) {
            int value = septet & 0x7F;
            int index = bit >> 3;
            int shift = bit & 7;
            out[index] |= (byte) (value << shift);
            if (shift > 1) {
                out[index + 1] |= (byte) (value >> (8 - shift));
            }
            bit += 7;
        }
        return out;
    }

    /** How many septets fit in that many octets after the fill bits; the last may be padding the caller must know about. */
    public static int septetCapacity(int octets, int fillBits) {
        return (octets * 8 - fillBits) / 7;
    }

    public static byte[] unpack(byte[] octets, int offset, int fillBits, int septetCount) {
        checkFill(fillBits);
        if (fillBits + septetCount * 7 > (octets.length - offset) * 8) {
            throw new IllegalArgumentException(septetCount + " septets do not fit in " + (octets.length - offset) + " octets");
        }
        byte[] septets = new byte[septetCount];
        int bit = fillBits;
        for (int i = 0; i < septetCount; i++) {
            int index = offset + (bit >> 3);
            int shift = bit & 7;
            int value = (octets[index] & 0xFF) >> shift;
            if (shift > 1) {
                value |= (octets[index + 1] & 0xFF) << (8 - shift);
            }
            septets[i] = (byte) (value & 0x7F);
            bit += 7;
        }
        return septets;
    }

    private static void checkFill(int fillBits) {
        if (fillBits < 0 || fillBits > 6) {
            throw new IllegalArgumentException("fill bits must be 0 to 6: " + fillBits);
        }
    }
}
