package org.openemg.core.text;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Text a connector receives as bytes (a form body, a mail part without charset), read as the
 * connector's DEFAULT_CHARCODE_TEXT says: UTF-8, or the GSM/Latin-1 default, where each byte is
 * its Latin-1 character.
 */
public final class TextInput {

    private TextInput() {
    }

    /**
     * With {@code utf8Default}, bytes that are not valid UTF-8 are read as Latin-1: clients set up
     * for UTF-8 still send Latin-1 now and then, and Latin-1 keeps every byte rather than
     * replacing it.
     */
    public static String decode(byte[] raw, boolean utf8Default) {
        if (!utf8Default) {
            return new String(raw, StandardCharsets.ISO_8859_1);
        }
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(raw))
                    .toString();
        } catch (CharacterCodingException e) {
            return new String(raw, StandardCharsets.ISO_8859_1);
        }
    }

    /** As {@link #decode(byte[], boolean)}, where an explicit CHARCODE 32 means UTF-8 and 3 means Latin-1. */
    public static String decode(byte[] raw, String charcode, boolean utf8Default) {
        if ("32".equals(charcode)) {
            return decode(raw, true);
        }
        if ("3".equals(charcode)) {
            return decode(raw, false);
        }
        return decode(raw, utf8Default);
    }
}
