package org.openemg.core.mime;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Splits a multipart body (RFC 2046 section 5.1) into its parts. Lines may end in CRLF or in a
 * bare LF, as hand-written push initiators send them; the preamble and the epilogue are ignored;
 * the line end before a delimiter belongs to the delimiter, so binary bodies come out exact.
 */
public final class Multipart {

    private Multipart() {
    }

    public static List<MimePart> split(byte[] body, String boundary) throws MimeException {
        if (boundary == null || boundary.isEmpty() || boundary.length() > 70) {
            throw new MimeException("boundary missing or longer than 70 characters");
        }
        byte[] delimiter = ("--" + boundary).getBytes(StandardCharsets.ISO_8859_1);
        int at = nextDelimiter(body, delimiter, 0);
        if (at < 0) {
            throw new MimeException("no delimiter --" + boundary);
        }
        List<MimePart> parts = new ArrayList<>();
        while (true) {
            int after = at + delimiter.length;
            if (startsWith(body, after, "--")) {
                return parts;
            }
            int partStart = lineEnd(body, after);
            int next = nextDelimiter(body, delimiter, partStart);
            if (next < 0) {
                throw new MimeException("no closing delimiter --" + boundary + "--");
            }
            int partEnd = next == partStart ? partStart : next - (next >= 2 && body[next - 2] == '\r' ? 2 : 1);
            parts.add(part(body, partStart, Math.max(partStart, partEnd)));
            at = next;
        }
    }

    /** Where the next delimiter line starts: at {@code from} or right after a line feed, and followed by "--", blanks or a line end. */
    private static int nextDelimiter(byte[] body, byte[] delimiter, int from) {
        for (int i = from; i + delimiter.length <= body.length; i++) {
            if ((i == from || body[i - 1] == '\n') && Arrays.equals(body, i, i + delimiter.length, delimiter, 0, delimiter.length)
                    && endsDelimiter(body, i + delimiter.length)) {
                return i;
            }
        }
        return -1;
    }

    private static boolean endsDelimiter(byte[] body, int i) {
        if (startsWith(body, i, "--")) {
            return true;
        }
        while (i < body.length && (body[i] == ' ' || body[i] == '\t')) {
            i++;
        }
        return i == body.length || body[i] == '\r' || body[i] == '\n';
    }

    /** The offset after the line end that follows {@code i} (transport padding skipped). */
    private static int lineEnd(byte[] body, int i) throws MimeException {
        while (i < body.length && body[i] != '\n') {
            i++;
        }
        if (i == body.length) {
            throw new MimeException("delimiter line without a line end");
        }
        return i + 1;
    }

    private static boolean startsWith(byte[] body, int i, String s) {
        return i + s.length() <= body.length && new String(body, i, s.length(), StandardCharsets.ISO_8859_1).equals(s);
    }

    /** Headers up to the first empty line, unfolded; the rest is the body. */
    private static MimePart part(byte[] body, int start, int end) throws MimeException {
        Map<String, String> headers = new LinkedHashMap<>();
        String lastName = null;
        int i = start;
        while (i < end) {
            int eol = i;
            while (eol < end && body[eol] != '\n') {
                eol++;
            }
            String line = new String(body, i, eol - i, StandardCharsets.ISO_8859_1);
            if (line.endsWith("\r")) {
                line = line.substring(0, line.length() - 1);
            }
            i = Math.min(eol + 1, end);
            if (line.isEmpty()) {
                break;
            }
            if ((line.charAt(0) == ' ' || line.charAt(0) == '\t') && lastName != null) {
                headers.merge(lastName, line.trim(), (earlier, more) -> earlier.isEmpty() ? more : earlier + " " + more);
                continue;
            }
            int colon = line.indexOf(':');
            if (colon <= 0) {
                throw new MimeException("not a header line: " + line);
            }
            lastName = line.substring(0, colon).trim();
            headers.put(lastName, line.substring(colon + 1).trim());
        }
        return new MimePart(headers, Arrays.copyOfRange(body, i, end));
    }
}
