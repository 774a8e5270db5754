package org.openemg.web.http;

import java.nio.charset.StandardCharsets;
import org.openemg.core.message.OptionNames;
import org.openemg.core.text.TextInput;

/**
 * Reads the octets {@link FormDecoder} kept (one Latin-1 char per octet) as text, spec section 1:
 * MESSAGE as the request's CHARCODE says (32 UTF-8, 3 Latin-1), without one as the connector's
 * DEFAULT_CHARCODE_TEXT says; names and every other value as UTF-8 when valid, else Latin-1, since
 * they are no message text and browsers send UTF-8. Hex bodies are ASCII and read as they are.
 */
final class ParameterText {

    private final String charcode;
    private final boolean utf8Default;

    /** {@code charcode} is the request's CHARCODE, null when it has none. */
    ParameterText(String charcode, boolean utf8Default) {
        this.charcode = charcode;
        this.utf8Default = utf8Default;
    }

    /** The text of the value of the parameter {@code name}. */
    String value(String name, String octets) {
        if (isAscii(octets)) {
            return octets;
        }
        return OptionNames.MESSAGE.equals(name)
                ? TextInput.decode(octets.getBytes(StandardCharsets.ISO_8859_1), charcode, utf8Default)
                : text(octets);
    }

    /** A name or a value that is no message text. */
    static String text(String octets) {
        return isAscii(octets) ? octets : TextInput.decode(octets.getBytes(StandardCharsets.ISO_8859_1), true);
    }

    private static boolean isAscii(String octets) {
        for (int i = 0; i < octets.length(); i++) {
            if (octets.charAt(i) >= 0x80) {
                return false;
            }
        }
        return true;
    }
}
