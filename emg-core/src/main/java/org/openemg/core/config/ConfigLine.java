package org.openemg.core.config;

import java.util.ArrayList;
import java.util.List;

/**
 * One meaningful line of a configuration file: comment removed, trimmed, with its 1-based number.
 *
 * <p>{@code #} starts a comment at the start of a line or after whitespace, not inside a word:
 * {@code PASSWORD=se#cret} and {@code ADDRESS=http://host/p#frag} keep their {@code #}, while
 * {@code NODEID=3   # node three} loses the comment. The same rule holds for every file.
 */
record ConfigLine(int number, String text) {

    static List<ConfigLine> of(String content) {
        List<ConfigLine> lines = new ArrayList<>();
        String[] raw = content.split("\r?\n|\r", -1);
        for (int i = 0; i < raw.length; i++) {
            String text = withoutComment(raw[i]).strip();
            if (!text.isEmpty()) {
                lines.add(new ConfigLine(i + 1, text));
            }
        }
        return lines;
    }

    private static String withoutComment(String line) {
        for (int i = 0; i < line.length(); i++) {
            if (line.charAt(i) == '#' && (i == 0 || Character.isWhitespace(line.charAt(i - 1)))) {
                return line.substring(0, i);
            }
        }
        return line;
    }

    /** The whitespace-separated words of the line. */
    String[] words() {
        return text.split("\\s+");
    }
}
