package org.openemg.core.text;

import org.openemg.core.config.ConcatMode;

/**
 * What an outgoing connector's keywords say about text: DEFAULT_CHARCODE_TEXT=UTF8
 * ({@code defaultUtf8}), CONCAT, and MESSAGELENGTH (octets of a message_payload; 0 for the
 * TLV's own limit).
 */
public record TextSettings(boolean defaultUtf8, ConcatMode concat, int messageLength) {

    public static final TextSettings DEFAULT = new TextSettings(false, ConcatMode.UDH_8BIT, 0);

    public TextSettings {
        if (concat == null) {
            concat = ConcatMode.UDH_8BIT;
        }
        if (messageLength < 0 || messageLength > 0xFFFF) {
            throw new IllegalArgumentException("MESSAGELENGTH must be 0 to 65535: " + messageLength);
        }
    }
}
