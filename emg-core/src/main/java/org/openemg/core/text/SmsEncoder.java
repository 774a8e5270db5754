package org.openemg.core.text;

import static org.openemg.core.message.OptionNames.MESSAGE;

import org.openemg.core.message.GatewayException;
import org.openemg.core.message.Options;
import org.openemg.core.config.ConcatMode;

/**
 * Turns one stored part (see {@link MessageSplitter} for its options) into SMPP octets: DCS as
 * data_coding, UDH and the body in short_message (UDHI in esm_class when there is a header), or in
 * message_payload for {@code CONCAT=PAYLOAD}, and the SAR values for {@code CONCAT=SAR}.
 * GSM text goes out unpacked, one septet per octet, as SMPP's data_coding 0 expects.
 */
public final class SmsEncoder {

    private static final byte UDHI = 0x40;

    private SmsEncoder() {
    }

    public static EncodedSms encode(Options part) {
        ConcatMode mode;
        try {
            mode = ConcatMode.parse(part.get(MessageSplitter.CONCAT));
        } catch (IllegalArgumentException e) {
            throw GatewayException.invalidArgument(MessageSplitter.CONCAT);
        }
        Segmentation segmentation = Segmentation.of(part, mode, 0);
        if (segmentation.parts() != 1) {
            throw GatewayException.invalidArgument(MESSAGE);
        }
        Concat concat = segmentation.concat(0, 0);
        UserDataHeader header = segmentation.header(concat);
        byte[] units = segmentation.body.units;
        byte[] userData = new byte[header.length() + units.length];
        header.copyTo(userData);
        System.arraycopy(units, 0, userData, header.length(), units.length);
        byte dataCoding = (byte) segmentation.body.dataCoding;
        byte esmClass = header.isEmpty() ? 0 : UDHI;
        if (mode == ConcatMode.PAYLOAD) {
            return new EncodedSms(dataCoding, esmClass, new byte[0], userData, null, null, null);
        }
        if (mode == ConcatMode.SAR && concat != null) {
            return new EncodedSms(dataCoding, esmClass, userData, null, concat.ref(), concat.max(), concat.seq());
        }
        return new EncodedSms(dataCoding, esmClass, userData, null, null, null, null);
    }
}
