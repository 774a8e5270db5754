package org.openemg.core.receipt;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Reads the receipt text of SMPP 3.4 Appendix B,
 * {@code id:IIIIIIIIII sub:SSS dlvrd:DDD submit date:YYMMDDhhmm done date:YYMMDDhhmm stat:DDDDDDD err:E text:...},
 * as real SMSCs send it: keys in any order and any case, fields missing, extra spaces, dates
 * with seconds. {@code text:} takes the rest of its line, so keys after it are part of the text.
 *
 * <p>Whether a deliver_sm is a receipt at all is for its esm_class to say; this only reads the text.
 */
public final class DeliveryReceiptParser {

    /** The keys as the fields map names them; a date key's words may be apart, by white space or underscores. */
    private static final String[][] KEYS = {
            {"id", "id"}, {"sub", "sub"}, {"dlvrd", "dlvrd"}, {"submitdate", "submit", "date"},
            {"donedate", "done", "date"}, {"stat", "stat"}, {"err", "err"}, {"text", "text"}};

    private static final DateTimeFormatter MINUTES = strict("uuMMddHHmm");
    private static final DateTimeFormatter SECONDS = strict("uuMMddHHmmss");
    private static final DateTimeFormatter FULL_YEAR = strict("uuuuMMddHHmmss");

    private DeliveryReceiptParser() {
    }

    /** The receipt in {@code text}; empty when there is no text or it has no {@code id:}. */
    public static Optional<DeliveryReceipt> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        Map<String, String> fields = fields(text);
        String id = fields.get("id");
        if (id == null) {
            return Optional.empty();
        }
        return Optional.of(new DeliveryReceipt(
                id,
                count(fields.get("sub")),
                count(fields.get("dlvrd")),
                date(fields.get("submitdate")),
                date(fields.get("donedate")),
                fields.get("stat"),
                fields.get("err"),
                fields.get("text")));
    }

    /**
     * Each key's value: the first word up to the next key, the first occurrence of a key winning. Scanned by hand, not
     * by a regular expression: a receipt per delivered message made the pattern a hot spot of the SMPP path.
     */
    static Map<String, String> fields(String text) {
        Map<String, String> fields = new HashMap<>();
        String name = null;
        int valueStart = 0;
        int at = 0;
        while (at < text.length()) {
            int keyEnd = -1;
            String key = null;
            if (at == 0 || !isWordChar(text.charAt(at - 1))) {
                for (String[] candidate : KEYS) {
                    keyEnd = keyEnd(text, at, candidate);
                    if (keyEnd >= 0) {
                        key = candidate[0];
                        break;
                    }
                }
            }
            if (key == null) {
                at++;
                continue;
            }
            if (name != null) {
                putFirstWord(fields, name, text, valueStart, at);
            }
            if (key.equals("text")) {
                fields.putIfAbsent(key, restOfLine(text, keyEnd));
                return fields;
            }
            name = key;
            valueStart = keyEnd;
            at = keyEnd;
        }
        if (name != null) {
            putFirstWord(fields, name, text, valueStart, text.length());
        }
        return fields;
    }

    /** Where the value after {@code key} at {@code at} starts (past the colon), or -1 when the key is not there. */
    private static int keyEnd(String text, int at, String[] key) {
        int i = at;
        for (int word = 1; word < key.length; word++) {
            if (word > 1) {
                while (i < text.length() && (isSpace(text.charAt(i)) || text.charAt(i) == '_')) {
                    i++;
                }
            }
            if (!startsWithIgnoringAsciiCase(text, i, key[word])) {
                return -1;
            }
            i += key[word].length();
        }
        while (i < text.length() && isSpace(text.charAt(i))) {
            i++;
        }
        return i < text.length() && text.charAt(i) == ':' ? i + 1 : -1;
    }

    private static boolean startsWithIgnoringAsciiCase(String text, int at, String lowerCaseWord) {
        if (at + lowerCaseWord.length() > text.length()) {
            return false;
        }
        for (int i = 0; i < lowerCaseWord.length(); i++) {
            char c = text.charAt(at + i);
            if (c != lowerCaseWord.charAt(i) && !(c >= 'A' && c <= 'Z' && (char) (c + ('a' - 'A')) == lowerCaseWord.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    private static boolean isWordChar(char c) {
        return c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '_';
    }

    /** White space as SMSCs separate fields with: the ASCII set of a regular expression's \s. */
    private static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == 0x0B || c == '\f' || c == '\r';
    }

    private static String restOfLine(String text, int from) {
        int end = from;
        while (end < text.length() && text.charAt(end) != '\r' && text.charAt(end) != '\n') {
            end++;
        }
        return text.substring(from, end);
    }

    private static void putFirstWord(Map<String, String> fields, String name, String text, int from, int to) {
        String trimmed = text.substring(from, to).strip();
        if (trimmed.isEmpty()) {
            return;
        }
        int end = 0;
        while (end < trimmed.length() && !isSpace(trimmed.charAt(end))) {
            end++;
        }
        fields.putIfAbsent(name, trimmed.substring(0, end));
    }

    private static Integer count(String value) {
        if (value == null || !value.chars().allMatch(c -> c >= '0' && c <= '9') || value.length() > 9) {
            return null;
        }
        return Integer.valueOf(value);
    }

    private static Instant date(String value) {
        if (value == null) {
            return null;
        }
        DateTimeFormatter format = switch (value.length()) {
            case 10 -> MINUTES;
            case 12 -> SECONDS;
            case 14 -> FULL_YEAR;
            default -> null;
        };
        if (format == null) {
            return null;
        }
        try {
            return LocalDateTime.parse(value, format).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static DateTimeFormatter strict(String pattern) {
        return DateTimeFormatter.ofPattern(pattern).withResolverStyle(ResolverStyle.STRICT);
    }
}
