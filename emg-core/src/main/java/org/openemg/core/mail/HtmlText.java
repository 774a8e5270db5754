package org.openemg.core.mail;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The text a reader sees in an HTML mail part: scripts, styles and comments dropped, tags removed,
 * block ends as line breaks, character references decoded and runs of white space collapsed.
 */
public final class HtmlText {

    private static final Pattern INVISIBLE = Pattern.compile(
            "(?is)<!--.*?-->|<(script|style|head|title)\\b[^>]*>.*?</\\1\\s*>");
    private static final Pattern LINE_END = Pattern.compile(
            "(?i)<br\\b[^>]*>|</(p|div|li|tr|h[1-6]|table|ul|ol|blockquote)\\s*>|<(p|div|li|tr|h[1-6])\\b[^>]*>");
    private static final Pattern TAG = Pattern.compile("(?s)<[^>]*>");
    private static final Pattern REFERENCE = Pattern.compile("&(#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[a-zA-Z]{2,8});");
    private static final Map<String, String> NAMED = Map.ofEntries(
            Map.entry("amp", "&"), Map.entry("lt", "<"), Map.entry("gt", ">"), Map.entry("quot", "\""),
            Map.entry("apos", "'"), Map.entry("nbsp", " "), Map.entry("euro", "€"), Map.entry("pound", "£"),
            Map.entry("copy", "©"), Map.entry("auml", "ä"), Map.entry("ouml", "ö"), Map.entry("uuml", "ü"),
            Map.entry("Auml", "Ä"), Map.entry("Ouml", "Ö"), Map.entry("Uuml", "Ü"), Map.entry("aring", "å"),
            Map.entry("Aring", "Å"), Map.entry("eacute", "é"), Map.entry("szlig", "ß"), Map.entry("hellip", "…"),
            Map.entry("ndash", "–"), Map.entry("mdash", "—"));

    private HtmlText() {
    }

    public static String of(String html) {
        String text = INVISIBLE.matcher(html).replaceAll(" ");
        text = LINE_END.matcher(text).replaceAll("\n");
        text = TAG.matcher(text).replaceAll("");
        text = decodeReferences(text);
        return text.replaceAll("[ \\t\\x0B\\f\\r]+", " ")
                .replaceAll(" ?\n ?", "\n")
                .replaceAll("\n{2,}", "\n")
                .strip();
    }

    private static String decodeReferences(String text) {
        Matcher m = REFERENCE.matcher(text);
        StringBuilder out = new StringBuilder(text.length());
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(character(m.group(1), m.group())));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static String character(String reference, String asWritten) {
        if (reference.charAt(0) != '#') {
            return NAMED.getOrDefault(reference, asWritten);
        }
        boolean hex = reference.length() > 1 && (reference.charAt(1) == 'x' || reference.charAt(1) == 'X');
        int codePoint = Integer.parseInt(reference.substring(hex ? 2 : 1), hex ? 16 : 10);
        return Character.isValidCodePoint(codePoint) ? new String(Character.toChars(codePoint)) : asWritten;
    }
}
