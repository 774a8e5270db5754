package org.openemg.rar.smpp;

import java.nio.charset.StandardCharsets;
import org.jsmpp.bean.OptionalParameter;

/** The values of optional parameters (TLVs) as the gateway reads them, whichever side received the PDU. */
public final class TlvValues {

    private TlvValues() {
    }

    /** The octets of an octet-string TLV; null when absent or of another kind. */
    public static byte[] octets(OptionalParameter tlv) {
        return tlv instanceof OptionalParameter.OctetString s ? s.getValue() : null;
    }

    /** A one- or two-octet integer TLV, unsigned; null when absent. */
    public static Integer unsigned(OptionalParameter tlv) {
        if (tlv instanceof OptionalParameter.Short s) {
            return s.getValue() & 0xFFFF;
        }
        return tlv instanceof OptionalParameter.Byte b ? Integer.valueOf(b.getValue() & 0xFF) : null;
    }

    /** A C-octet string TLV, whether or not the peer terminated it; null when absent. */
    public static String cString(OptionalParameter tlv) {
        byte[] octets = octets(tlv);
        if (octets == null) {
            return null;
        }
        int length = octets.length;
        while (length > 0 && octets[length - 1] == 0) {
            length--;
        }
        return new String(octets, 0, length, StandardCharsets.ISO_8859_1);
    }
}
