package org.openemg.core.text;

import java.nio.charset.StandardCharsets;
import org.openemg.core.message.OptionNames;
import org.openemg.core.message.Options;

/**
 * Turns the options of one stored part into SMPP octets. Interim: Latin-1 when the text fits,
 * else UCS2, without UDH; the GSM 03.38 codecs and segmentation replace it (issue 3).
 */
public final class SmsEncoder {

    private SmsEncoder() {
    }

    public static EncodedSms encode(Options part) {
        String text = part.getOrDefault(OptionNames.MESSAGE, "");
        if (StandardCharsets.ISO_8859_1.newEncoder().canEncode(text)) {
            return new EncodedSms((byte) 3, (byte) 0, text.getBytes(StandardCharsets.ISO_8859_1), null, null, null, null);
        }
        return new EncodedSms((byte) 8, (byte) 0, text.getBytes(StandardCharsets.UTF_16BE), null, null, null, null);
    }
}
