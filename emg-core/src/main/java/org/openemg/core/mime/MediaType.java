package org.openemg.core.mime;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * A Content-Type value: {@code type/subtype} and its parameters (RFC 2045 section 5.1), type and
 * parameter names in lower case, values as given with quoting undone.
 */
public record MediaType(String type, Map<String, String> parameters) {

    private static final String TSPECIALS = "()<>@,;:\\\"/[]?=";

    public MediaType {
        parameters = Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
    }

    public static MediaType of(String type) {
        return new MediaType(type, Map.of());
    }

    public static MediaType parse(String value) throws MimeException {
        if (value == null) {
            throw new MimeException("no Content-Type");
        }
        Reader r = new Reader(value);
        String type = r.token() + r.expect('/') + r.token();
        Map<String, String> parameters = new LinkedHashMap<>();
        while (r.skipSpace()) {
            r.expect(';');
            if (!r.skipSpace()) {
                break; // a trailing ';' is common and harmless
            }
            String name = r.token().toLowerCase(Locale.ROOT);
            r.expect('=');
            parameters.put(name, r.peek() == '"' ? r.quoted() : r.bareValue());
        }
        return new MediaType(type.toLowerCase(Locale.ROOT), parameters);
    }

    /** The parameter's value, or null; names are matched in lower case. */
    public String parameter(String name) {
        return parameters.get(name);
    }

    public boolean is(String wanted) {
        return type.equals(wanted);
    }

    private static final class Reader {
        private final String s;
        private int i;

        Reader(String s) {
            this.s = s;
        }

        /** Skips blanks; whether anything is left. */
        boolean skipSpace() {
            while (i < s.length() && (s.charAt(i) == ' ' || s.charAt(i) == '\t')) {
                i++;
            }
            return i < s.length();
        }

        char peek() {
            skipSpace();
            return i < s.length() ? s.charAt(i) : 0;
        }

        String expect(char c) throws MimeException {
            if (peek() != c) {
                throw new MimeException("'" + c + "' expected at " + i + " in " + s);
            }
            i++;
            return String.valueOf(c);
        }

        String token() throws MimeException {
            skipSpace();
            int start = i;
            while (i < s.length() && s.charAt(i) > ' ' && s.charAt(i) < 0x7F && TSPECIALS.indexOf(s.charAt(i)) < 0) {
                i++;
            }
            if (i == start) {
                throw new MimeException("token expected at " + i + " in " + s);
            }
            return s.substring(start, i);
        }

        /** An unquoted value up to the next ';' or blank: senders write {@code type=application/xml} although '/' is no token character. */
        String bareValue() throws MimeException {
            int start = i;
            while (i < s.length() && s.charAt(i) != ';' && s.charAt(i) > ' ' && s.charAt(i) != '"') {
                i++;
            }
            if (i == start) {
                throw new MimeException("parameter value expected at " + i + " in " + s);
            }
            return s.substring(start, i);
        }

        String quoted() throws MimeException {
            StringBuilder out = new StringBuilder();
            for (i++; i < s.length(); i++) {
                char c = s.charAt(i);
                if (c == '"') {
                    i++;
                    return out.toString();
                }
                if (c == '\\' && i + 1 < s.length()) {
                    c = s.charAt(++i);
                }
                out.append(c);
            }
            throw new MimeException("unterminated quoted string in " + s);
        }
    }
}
