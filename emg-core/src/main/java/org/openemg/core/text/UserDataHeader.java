package org.openemg.core.text;

import java.util.Arrays;
import org.openemg.core.message.GatewayException;

/**
 * A GSM 03.40 user data header: its octets as sent, UDHL first, then information elements
 * (IEI, length, data). Immutable; adding an element keeps the earlier octets byte for byte and
 * recomputes UDHL.
 */
public final class UserDataHeader {

    public static final int IEI_CONCAT_8BIT = 0x00;
    public static final int IEI_PORTS_8BIT = 0x04;
    public static final int IEI_PORTS_16BIT = 0x05;
    public static final int IEI_CONCAT_16BIT = 0x08;
    public static final UserDataHeader NONE = new UserDataHeader(new byte[0]);

    private final byte[] octets;

    private UserDataHeader(byte[] octets) {
        this.octets = octets;
    }

    /** The header at the start of user data; null when UDHL or an element runs past the data. */
    public static UserDataHeader read(byte[] userData, int length) {
        if (length < 1) {
            return null;
        }
        int total = (userData[0] & 0xFF) + 1;
        if (total > length || !wellFormed(userData, total)) {
            return null;
        }
        return new UserDataHeader(Arrays.copyOf(userData, total));
    }

    /** The header of option {@code option} (hex, UDHL included); empty or absent is no header, anything malformed an invalid argument. */
    public static UserDataHeader ofHex(String hex, String option) {
        if (hex == null || hex.isEmpty()) {
            return NONE;
        }
        byte[] octets = Hex.decode(hex, option);
        if ((octets[0] & 0xFF) != octets.length - 1 || !wellFormed(octets, octets.length)) {
            throw GatewayException.invalidArgument(option);
        }
        return new UserDataHeader(octets);
    }

    private static boolean wellFormed(byte[] octets, int total) {
        int i = 1;
        while (i < total) {
            if (i + 1 >= total) {
                return false;
            }
            i += 2 + (octets[i + 1] & 0xFF);
        }
        return i == total;
    }

    public UserDataHeader with(int iei, byte... data) {
        int start = octets.length == 0 ? 1 : octets.length;
        byte[] out = Arrays.copyOf(octets.length == 0 ? new byte[1] : octets, start + 2 + data.length);
        out[start] = (byte) iei;
        out[start + 1] = (byte) data.length;
        System.arraycopy(data, 0, out, start + 2, data.length);
        out[0] = (byte) (out.length - 1);
        return new UserDataHeader(out);
    }

    /** This header without the elements named; no header at all when none remain. */
    public UserDataHeader without(int... ieis) {
        UserDataHeader kept = NONE;
        for (int i = 1; i < octets.length; i += 2 + (octets[i + 1] & 0xFF)) {
            int iei = octets[i] & 0xFF;
            if (Arrays.stream(ieis).noneMatch(x -> x == iei)) {
                kept = kept.with(iei, Arrays.copyOfRange(octets, i + 2, i + 2 + (octets[i + 1] & 0xFF)));
            }
        }
        return kept;
    }

    /** Offset of the data of the first element {@code iei}, or -1. */
    private int find(int iei, int length) {
        for (int i = 1; i < octets.length; i += 2 + (octets[i + 1] & 0xFF)) {
            if ((octets[i] & 0xFF) == iei && (octets[i + 1] & 0xFF) == length) {
                return i + 2;
            }
        }
        return -1;
    }

    /** The concatenation element (8-bit or 16-bit reference), or null when none or its values are out of range. */
    public Concat concat() {
        int at = find(IEI_CONCAT_8BIT, 3);
        int ref;
        if (at >= 0) {
            ref = octets[at] & 0xFF;
            at += 1;
        } else {
            at = find(IEI_CONCAT_16BIT, 4);
            if (at < 0) {
                return null;
            }
            ref = (octets[at] & 0xFF) << 8 | octets[at + 1] & 0xFF;
            at += 2;
        }
        int max = octets[at] & 0xFF;
        int seq = octets[at + 1] & 0xFF;
        return max >= 1 && seq >= 1 && seq <= max ? new Concat(ref, seq, max) : null;
    }

    public boolean hasPorts() {
        return find(IEI_PORTS_16BIT, 4) >= 0 || find(IEI_PORTS_8BIT, 2) >= 0;
    }

    /** The destination application port, or -1. */
    public int destinationPort() {
        return port(0);
    }

    /** The source application port, or -1. */
    public int sourcePort() {
        return port(1);
    }

    private int port(int which) {
        int at = find(IEI_PORTS_16BIT, 4);
        if (at >= 0) {
            at += 2 * which;
            return (octets[at] & 0xFF) << 8 | octets[at + 1] & 0xFF;
        }
        at = find(IEI_PORTS_8BIT, 2);
        return at >= 0 ? octets[at + which] & 0xFF : -1;
    }

    /** Octets including UDHL; 0 for no header. */
    public int length() {
        return octets.length;
    }

    public boolean isEmpty() {
        return octets.length == 0;
    }

    public byte[] toBytes() {
        return octets.clone();
    }

    void copyTo(byte[] target) {
        System.arraycopy(octets, 0, target, 0, octets.length);
    }

    public String toHex() {
        return Hex.encode(octets);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof UserDataHeader other && Arrays.equals(other.octets, octets);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(octets);
    }

    @Override
    public String toString() {
        return toHex();
    }
}
