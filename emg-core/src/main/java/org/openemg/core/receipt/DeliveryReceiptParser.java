package org.openemg.core.receipt;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the receipt text of SMPP 3.4 Appendix B,
 * {@code id:IIIIIIIIII sub:SSS dlvrd:DDD submit date:YYMMDDhhmm done date:YYMMDDhhmm stat:DDDDDDD err:E text:...},
 * as real SMSCs send it: keys in any order and any case, fields missing, extra spaces, dates
 * with seconds. {@code text:} takes the rest of its line, so keys after it are part of the text.
 *
 * <p>Whether a deliver_sm is a receipt at all is for its esm_class to say; this only reads the text.
 */
public final class DeliveryReceiptParser {

    // A key must not be the tail of a longer word, or "xid:" would be read as "id:".
    private static final Pattern KEY = Pattern.compile(
            "(?<![A-Za-z0-9_])(id|sub|dlvrd|submit[\\s_]*date|done[\\s_]*date|stat|err|text)\\s*:",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern WHITESPACE = Pattern.compile("\\s+");

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

    /** Each key's value: the first word up to the next key, the first occurrence of a key winning. */
    private static Map<String, String> fields(String text) {
        Map<String, String> fields = new HashMap<>();
        Matcher key = KEY.matcher(text);
        boolean found = key.find();
        while (found) {
            String name = key.group(1).toLowerCase(Locale.ROOT).replaceAll("[\\s_]", "");
            int valueStart = key.end();
            if (name.equals("text")) {
                fields.putIfAbsent(name, restOfLine(text, valueStart));
                break;
            }
            found = key.find();
            String value = firstWord(text.substring(valueStart, found ? key.start() : text.length()));
            if (value != null) {
                fields.putIfAbsent(name, value);
            }
        }
        return fields;
    }

    private static String restOfLine(String text, int from) {
        int end = from;
        while (end < text.length() && text.charAt(end) != '\r' && text.charAt(end) != '\n') {
            end++;
        }
        return text.substring(from, end);
    }

    private static String firstWord(String segment) {
        String trimmed = segment.strip();
        return trimmed.isEmpty() ? null : WHITESPACE.split(trimmed, 2)[0];
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
