package org.openemg.core.mime;

import java.util.Base64;
import java.util.Collections;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/** One body part of a multipart entity: its headers (names in any case) and its octets as sent. */
public record MimePart(Map<String, String> headers, byte[] body) {

    public MimePart {
        Map<String, String> copy = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        copy.putAll(headers);
        headers = Collections.unmodifiableMap(copy);
    }

    /** The header's value, or null. */
    public String header(String name) {
        return headers.get(name);
    }

    /** The part's Content-Type; RFC 2045's default text/plain when it has none. */
    public MediaType contentType() throws MimeException {
        String value = header("Content-Type");
        return value == null ? MediaType.of("text/plain") : MediaType.parse(value);
    }

    /** The body with its Content-Transfer-Encoding undone: base64 is decoded, 7bit, 8bit and binary are as sent. */
    public byte[] decodedBody() throws MimeException {
        String encoding = header("Content-Transfer-Encoding");
        String name = encoding == null ? "binary" : encoding.trim().toLowerCase(Locale.ROOT);
        switch (name) {
            case "binary", "7bit", "8bit" -> {
                return body.clone();
            }
            case "base64" -> {
                try {
                    return Base64.getMimeDecoder().decode(body);
                } catch (IllegalArgumentException e) {
                    throw new MimeException("bad base64: " + e.getMessage());
                }
            }
            default -> throw new MimeException("Content-Transfer-Encoding " + encoding + " not supported");
        }
    }
}
