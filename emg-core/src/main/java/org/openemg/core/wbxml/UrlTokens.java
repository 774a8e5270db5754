package org.openemg.core.wbxml;

/**
 * How a code page writes a URL attribute (SI/SL href, CO uri): the longest matching scheme prefix
 * as an attribute start token, then the rest as inline strings with each ".com/", ".edu/",
 * ".net/", ".org/" replaced by its attribute value token (0x85-0x88, the same in all three pages).
 */
final class UrlTokens {

    private static final String[] PREFIXES = {"https://www.", "https://", "http://www.", "http://"};
    private static final String[] SUFFIXES = {".com/", ".edu/", ".net/", ".org/"};
    private static final int FIRST_SUFFIX_TOKEN = 0x85;

    static final UrlTokens SI_HREF = new UrlTokens(0x0B, 0x0F, 0x0E, 0x0D, 0x0C);
    static final UrlTokens SL_HREF = new UrlTokens(0x08, 0x0C, 0x0B, 0x0A, 0x09);
    static final UrlTokens CO_URI = new UrlTokens(0x05, 0x09, 0x08, 0x07, 0x06);

    private final int plain;
    /** The start tokens for {@link #PREFIXES}, in that order. */
    private final int[] prefixed;

    private UrlTokens(int plain, int... prefixed) {
        this.plain = plain;
        this.prefixed = prefixed;
    }

    void write(WbxmlWriter out, String url) {
        for (int i = 0; i < PREFIXES.length; i++) {
            if (url.startsWith(PREFIXES[i])) {
                out.token(prefixed[i]);
                value(out, url.substring(PREFIXES[i].length()));
                return;
            }
        }
        out.token(plain);
        value(out, url);
    }

    /** Writes an attribute value: nothing for an empty one, never an empty inline string. */
    private static void value(WbxmlWriter out, String rest) {
        while (!rest.isEmpty()) {
            int at = -1;
            int which = -1;
            for (int i = 0; i < SUFFIXES.length; i++) {
                int found = rest.indexOf(SUFFIXES[i]);
                if (found >= 0 && (at < 0 || found < at)) {
                    at = found;
                    which = i;
                }
            }
            if (at < 0) {
                out.inlineString(rest);
                return;
            }
            if (at > 0) {
                out.inlineString(rest.substring(0, at));
            }
            out.token(FIRST_SUFFIX_TOKEN + which);
            rest = rest.substring(at + SUFFIXES[which].length());
        }
    }
}
