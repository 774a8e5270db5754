package org.openemg.core.wsp;

import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The X-Wap-Application-Id of a push: the handset application it is for. The OMNA-registered
 * names go as their number (wml.ua, the browser, is 2 and is what a handset assumes when the
 * header is absent); a number given as such goes as that number; anything else as text.
 */
public final class PushApplicationId {

    private static final Map<String, Integer> REGISTERED = Map.ofEntries(
            Map.entry("x-wap-application:*", 0x00),
            Map.entry("x-wap-application:push.sia", 0x01),
            Map.entry("x-wap-application:wml.ua", 0x02),
            Map.entry("x-wap-application:wta.ua", 0x03),
            Map.entry("x-wap-application:mms.ua", 0x04),
            Map.entry("x-wap-application:push.syncml", 0x05),
            Map.entry("x-wap-application:loc.ua", 0x06),
            Map.entry("x-wap-application:syncml.dm", 0x07),
            Map.entry("x-wap-application:drm.ua", 0x08),
            Map.entry("x-wap-application:emn.ua", 0x09),
            Map.entry("x-wap-application:wv.ua", 0x0A));
    private static final int BROWSER = 0x02;
    private static final Pattern NUMBER = Pattern.compile("0[xX][0-9A-Fa-f]{1,8}|[0-9]{1,10}");
    private static final long MAX_NUMBER = 0xFFFFFFFFL;

    private final String text;
    private final Long number;

    private PushApplicationId(String text, Long number) {
        this.text = text;
        this.number = number;
    }

    public static PushApplicationId parse(String value) {
        String v = value.trim();
        Integer registered = REGISTERED.get(v.toLowerCase(Locale.ROOT));
        if (registered != null) {
            return new PushApplicationId(v, (long) registered);
        }
        if (NUMBER.matcher(v).matches()) {
            long n = v.length() > 2 && (v.charAt(1) == 'x' || v.charAt(1) == 'X')
                    ? Long.parseLong(v.substring(2), 16) : Long.parseLong(v);
            if (n <= MAX_NUMBER) {
                return new PushApplicationId(v, n);
            }
        }
        return new PushApplicationId(v, null);
    }

    /** Whether this is the browser (wml.ua), which a handset assumes when the header is absent. */
    public boolean isBrowser() {
        return number != null && number == BROWSER;
    }

    void write(WspWriter out) {
        if (number != null) {
            out.integer(number);
        } else {
            out.text(text);
        }
    }

    @Override
    public String toString() {
        return text;
    }
}
