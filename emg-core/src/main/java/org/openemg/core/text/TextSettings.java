package org.openemg.core.text;

import java.util.Locale;

/**
 * What an outgoing connector's keywords say about text: DEFAULT_CHARCODE_TEXT=UTF8
 * ({@code defaultUtf8}), CONCAT, and MESSAGELENGTH (octets of a message_payload; 0 for the
 * TLV's own limit).
 */
public record TextSettings(boolean defaultUtf8, ConcatMode concat, int messageLength) {

    public static final TextSettings DEFAULT = new TextSettings(false, ConcatMode.UDH8, 0);

    public TextSettings {
        if (concat == null) {
            concat = ConcatMode.UDH8;
        }
        if (messageLength < 0 || messageLength > 0xFFFF) {
            throw new IllegalArgumentException("MESSAGELENGTH must be 0 to 65535: " + messageLength);
        }
    }

    /** How the parts of a long message are tied together (connector keyword CONCAT). */
    public enum ConcatMode {
        /** UDH element 00: {@code 05 00 03 ref total seq}. */
        UDH8("8BIT"),
        /** UDH element 08: {@code 06 08 04 refHi refLo total seq}. */
        UDH16("16BIT"),
        /** SMPP TLVs sar_msg_ref_num, sar_total_segments, sar_segment_seqnum; no UDH. */
        SAR("SAR"),
        /** The whole message in one message_payload TLV. */
        PAYLOAD("PAYLOAD");

        private final String keyword;

        ConcatMode(String keyword) {
            this.keyword = keyword;
        }

        public String keyword() {
            return keyword;
        }

        /** The mode of a CONCAT keyword value; absent or blank is 8BIT, anything unknown an IllegalArgumentException. */
        public static ConcatMode parse(String keywordValue) {
            if (keywordValue == null || keywordValue.isBlank()) {
                return UDH8;
            }
            String value = keywordValue.trim().toUpperCase(Locale.ROOT);
            for (ConcatMode mode : values()) {
                if (mode.keyword.equals(value)) {
                    return mode;
                }
            }
            throw new IllegalArgumentException("CONCAT must be 8BIT, 16BIT, SAR or PAYLOAD: " + keywordValue);
        }
    }
}
