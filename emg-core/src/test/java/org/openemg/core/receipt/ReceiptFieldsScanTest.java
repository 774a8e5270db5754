package org.openemg.core.receipt;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The hand-written scan of receipt fields reads every text as the regular expression it replaced did. */
class ReceiptFieldsScanTest {

    private static final Pattern KEY = Pattern.compile(
            "(?<![A-Za-z0-9_])(id|sub|dlvrd|submit[\\s_]*date|done[\\s_]*date|stat|err|text)\\s*:", Pattern.CASE_INSENSITIVE);
    private static final Pattern WHITESPACE = Pattern.compile("\\s+");
    private static final String[] FRAGMENTS = {"id", "ID", "Id", "sub", "SUBMIT", "submit", "date", "Date", "done", "dlvrd",
        "stat", "err", "text", "Text", ":", ":", " ", "  ", "\t", "_", "\r\n", "\n", "x", "msg", "7", "001", "DELIVRD",
        "\u2003", "\u00a0", "\u017f", "K", "\u212a", "-", "2603140926"};

    @Test
    void readsRandomTextsAsTheRegularExpressionDid() {
        Random random = new Random(20261203);
        for (int n = 0; n < 200_000; n++) {
            StringBuilder text = new StringBuilder();
            int length = random.nextInt(16);
            for (int i = 0; i < length; i++) {
                text.append(FRAGMENTS[random.nextInt(FRAGMENTS.length)]);
            }
            String t = text.toString();
            assertEquals(byRegularExpression(t), DeliveryReceiptParser.fields(t), () -> "text: \"" + t + "\"");
        }
    }

    private static Map<String, String> byRegularExpression(String text) {
        Map<String, String> fields = new HashMap<>();
        Matcher key = KEY.matcher(text);
        boolean found = key.find();
        while (found) {
            String name = key.group(1).toLowerCase(Locale.ROOT).replaceAll("[\\s_]", "");
            int valueStart = key.end();
            if (name.equals("text")) {
                int end = valueStart;
                while (end < text.length() && text.charAt(end) != '\r' && text.charAt(end) != '\n') {
                    end++;
                }
                fields.putIfAbsent(name, text.substring(valueStart, end));
                break;
            }
            found = key.find();
            String trimmed = text.substring(valueStart, found ? key.start() : text.length()).strip();
            if (!trimmed.isEmpty()) {
                fields.putIfAbsent(name, WHITESPACE.split(trimmed, 2)[0]);
            }
        }
        return fields;
    }
}
