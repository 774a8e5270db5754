package org.openemg.core.wsp;

import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.openemg.core.mime.MediaType;

/**
 * A Content-Type as WSP encodes it: a well-known type as one short integer, any other as text,
 * and with parameters the general form (value length, type, parameters). The charset parameter
 * goes typed with its IANA MIBenum when known; other parameters go as text.
 */
final class WspContentType {

    /** WSP's assigned content type numbers that pushes use (PAP-WAP.md 3.1). */
    private static final Map<String, Integer> WELL_KNOWN = Map.ofEntries(
            Map.entry("application/vnd.wap.wmlc", 0x14),
            Map.entry("application/vnd.wap.wbxml", 0x29),
            Map.entry("text/vnd.wap.si", 0x2D),
            Map.entry("application/vnd.wap.sic", 0x2E),
            Map.entry("text/vnd.wap.sl", 0x2F),
            Map.entry("application/vnd.wap.slc", 0x30),
            Map.entry("text/vnd.wap.co", 0x31),
            Map.entry("application/vnd.wap.coc", 0x32),
            Map.entry("application/vnd.wap.multipart.related", 0x33),
            Map.entry("application/vnd.wap.sia", 0x34),
            Map.entry("application/vnd.wap.connectivity-wbxml", 0x36),
            Map.entry("application/vnd.wap.mms-message", 0x3E),
            Map.entry("application/vnd.syncml.notification", 0x44),
            Map.entry("application/vnd.wap.emn+wbxml", 0x030A));
    private static final Map<String, Integer> MIB_ENUMS = Map.of(
            "us-ascii", 3, "iso-8859-1", 4, "utf-8", 106, "iso-10646-ucs-2", 1000, "utf-16", 1015);
    private static final int PARAMETER_CHARSET = 0x01;
    private static final Pattern TOKEN = Pattern.compile("[!#$%&'*+.^_`|~0-9A-Za-z-]+");

    private WspContentType() {
    }

    static void write(MediaType type, WspWriter out) {
        Integer code = WELL_KNOWN.get(type.type());
        if (type.parameters().isEmpty() && code != null && code < 0x80) {
            out.integer(code);
            return;
        }
        if (type.parameters().isEmpty() && code == null) {
            out.text(type.type());
            return;
        }
        WspWriter general = new WspWriter();
        if (code != null) {
            general.integer(code);
        } else {
            general.text(type.type());
        }
        type.parameters().forEach((name, value) -> parameter(name, value, general));
        out.valueLength(general.size()).bytes(general.toBytes());
    }

    private static void parameter(String name, String value, WspWriter out) {
        Integer mibEnum = name.equals("charset") ? MIB_ENUMS.get(value.toLowerCase(Locale.ROOT)) : null;
        if (mibEnum != null) {
            out.integer(PARAMETER_CHARSET).integer(mibEnum);
            return;
        }
        out.text(name);
        if (value.isEmpty()) {
            out.octet(0); // No-value
        } else if (TOKEN.matcher(value).matches()) {
            out.text(value);
        } else {
            out.octet('"').text(value); // Quoted-string
        }
    }
}
