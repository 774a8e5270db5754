package org.openemg.core.message;

/**
 * The compact one-column form of an option bag: {@code NAME=value} pairs joined by '&',
 * with '%', '&' and '=' in values escaped as %25, %26, %3D. Cheap both ways, readable in the database.
 */
public final class OptionCodec {

    private OptionCodec() {
    }

    public static String encode(Options options) {
        StringBuilder sb = new StringBuilder(64 + options.size() * 16);
        options.asMap().forEach((name, value) -> {
            if (sb.length() > 0) {
                sb.append('&');
            }
            sb.append(name).append('=');
            escape(value, sb);
        });
        return sb.toString();
    }

    public static Options decode(String encoded) {
        Options options = new Options();
        if (encoded == null || encoded.isEmpty()) {
            return options;
        }
        int start = 0;
        int length = encoded.length();
        while (start <= length) {
            int end = encoded.indexOf('&', start);
            if (end < 0) {
                end = length;
            }
            int eq = encoded.indexOf('=', start);
            if (eq < 0 || eq > end) {
                throw new IllegalArgumentException("malformed option at offset " + start);
            }
            options.set(encoded.substring(start, eq), unescape(encoded, eq + 1, end));
            start = end + 1;
        }
        return options;
    }

    private static void escape(String value, StringBuilder sb) {
        int first = firstEscaped(value);
        sb.append(value, 0, first);
        for (int i = first; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '%' -> sb.append("%25");
                case '&' -> sb.append("%26");
                case '=' -> sb.append("%3D");
                default -> sb.append(c);
            }
        }
    }

    /** Where the first character to escape is; most values have none and are appended whole. */
    private static int firstEscaped(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '%' || c == '&' || c == '=') {
                return i;
            }
        }
        return value.length();
    }

    private static String unescape(String s, int from, int to) {
        if (s.indexOf('%', from) < 0 || s.indexOf('%', from) >= to) {
            return s.substring(from, to);
        }
        StringBuilder sb = new StringBuilder(to - from);
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c == '%' && i + 2 < to + 1) {
                sb.append((char) Integer.parseInt(s.substring(i + 1, i + 3), 16));
                i += 2;
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }
}
