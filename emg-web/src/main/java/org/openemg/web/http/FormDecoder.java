package org.openemg.web.http;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;
import java.util.regex.Pattern;
import org.openemg.core.message.GatewayException;

/**
 * Decodes {@code application/x-www-form-urlencoded} data (a query string or a POST body) into a
 * {@link ParameterList}: pairs split on '&', name and value on the first '=', '+' is a space and
 * %XX an octet. Names are read as text and upper-cased; values keep their octets, one Latin-1 char
 * per octet, because how MESSAGE reads as text depends on the connector and on a CHARCODE that may
 * come later in the request ({@link ParameterText}). Done by hand because JAX-RS and the servlet
 * API hand out maps that lose the order of repeated DESTADDR against the other parameters, and
 * Undertow's form parsing refuses requests with more than {@code max-parameters} (1000) of them.
 * <p>
 * A '%' not followed by two hex digits is status 5 naming the parameter: read literally it would
 * send text the client did not mean (and WildFly's listener, which refuses such a query with an empty
 * 400, must run with {@code decode-url=false} so that the request reaches us). A pair without '='
 * has an empty value, and a pair with an empty name is skipped.
 */
public final class FormDecoder {

    /** A name that may be echoed in an error: the client's own text otherwise could break the answer's lines. */
    private static final Pattern OPTION_NAME = Pattern.compile("[A-Z0-9_-]{1,40}");

    private static final int FIRST_BODY_BUFFER = 512;

    private byte[] scratch = new byte[64];

    /**
     * Appends the parameters of a body read to its end. The buffer starts small and doubles, since most bodies are a
     * few hundred octets: {@code InputStream.readAllBytes} took an 8 KB chunk per request, 8% of all WildFly allocated
     * under single-recipient POSTs (bench/RESULTS.md).
     */
    public void decode(InputStream body, ParameterList into) throws IOException {
        byte[] data = new byte[FIRST_BODY_BUFFER];
        int length = 0;
        for (int read; (read = body.read(data, length, data.length - length)) >= 0; ) {
            length += read;
            if (length == data.length) {
                data = Arrays.copyOf(data, data.length * 2);
            }
        }
        decode(data, length, into);
    }

    /** Appends the parameters of {@code data[0, length)} to {@code into}. */
    public void decode(byte[] data, int length, ParameterList into) {
        int start = 0;
        while (start < length) {
            int end = indexOf(data, (byte) '&', start, length);
            int eq = indexOf(data, (byte) '=', start, end);
            if (eq > start) {
                String rawName = octets(data, start, eq);
                String name = ParameterText.text(rawName == null ? literal(data, start, eq) : rawName).toUpperCase(Locale.ROOT);
                String value = eq < end ? octets(data, eq + 1, end) : "";
                if (rawName == null || value == null) {
                    throw GatewayException.invalidArgument(rawName != null && OPTION_NAME.matcher(name).matches()
                            ? name : "parameter name");
                }
                into.add(name, value);
            }
            start = end + 1;
        }
    }

    /** Appends the parameters of a raw (still percent-encoded) query string; null is none. */
    public void decode(String rawQuery, ParameterList into) {
        if (rawQuery != null && !rawQuery.isEmpty()) {
            // A container that let non-ASCII characters into the query has already decoded them as text.
            byte[] data = rawQuery.getBytes(StandardCharsets.UTF_8);
            decode(data, data.length, into);
        }
    }

    /** The index of {@code b} in {@code data[from, to)}, or {@code to} when absent. */
    private static int indexOf(byte[] data, byte b, int from, int to) {
        for (int i = from; i < to; i++) {
            if (data[i] == b) {
                return i;
            }
        }
        return to;
    }

    private static String literal(byte[] data, int from, int to) {
        return new String(data, from, to - from, StandardCharsets.ISO_8859_1);
    }

    /** The octets of {@code data[from, to)} with '+' and %XX decoded; null when a '%' is no escape. */
    private String octets(byte[] data, int from, int to) {
        int i = from;
        while (i < to && data[i] != '%' && data[i] != '+') {
            i++;
        }
        if (i == to) {
            return literal(data, from, to);
        }
        if (scratch.length < to - from) {
            scratch = new byte[Math.max(to - from, scratch.length * 2)];
        }
        int n = i - from;
        System.arraycopy(data, from, scratch, 0, n);
        for (; i < to; i++) {
            byte b = data[i];
            if (b == '+') {
                b = ' ';
            } else if (b == '%') {
                if (i + 2 >= to || hex(data[i + 1]) < 0 || hex(data[i + 2]) < 0) {
                    return null;
                }
                b = (byte) (hex(data[i + 1]) << 4 | hex(data[i + 2]));
                i += 2;
            }
            scratch[n++] = b;
        }
        return new String(scratch, 0, n, StandardCharsets.ISO_8859_1);
    }

    private static int hex(byte b) {
        if (b >= '0' && b <= '9') {
            return b - '0';
        }
        if (b >= 'a' && b <= 'f') {
            return b - 'a' + 10;
        }
        if (b >= 'A' && b <= 'F') {
            return b - 'A' + 10;
        }
        return -1;
    }
}
