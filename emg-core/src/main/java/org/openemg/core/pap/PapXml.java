package org.openemg.core.pap;

/**
 * Writes one PAP document: XML declaration, the DOCTYPE of the version, the {@code pap} root and
 * the elements in between, indented. Attributes are name/value pairs; a null value is left out.
 */
final class PapXml {

    private final StringBuilder out = new StringBuilder(256);
    private int depth = 1;

    PapXml(PapVersion version) {
        out.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n").append(version.doctype()).append("\n<pap>\n");
    }

    PapXml open(String element, String... attributes) {
        tag(element, attributes, ">");
        depth++;
        return this;
    }

    PapXml empty(String element, String... attributes) {
        tag(element, attributes, "/>");
        return this;
    }

    PapXml close(String element) {
        depth--;
        out.append("  ".repeat(depth)).append("</").append(element).append(">\n");
        return this;
    }

    PapXml addresses(Iterable<String> addresses) {
        for (String address : addresses) {
            empty("address", "address-value", address);
        }
        return this;
    }

    String end() {
        return out.append("</pap>\n").toString();
    }

    private void tag(String element, String[] attributes, String closing) {
        out.append("  ".repeat(depth)).append('<').append(element);
        for (int i = 0; i < attributes.length; i += 2) {
            if (attributes[i + 1] != null) {
                out.append(' ').append(attributes[i]).append("=\"");
                escape(attributes[i + 1]);
                out.append('"');
            }
        }
        out.append(closing).append('\n');
    }

    /** Escapes for a double-quoted attribute; line ends and tabs as references so they survive attribute normalisation. */
    private void escape(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\t' -> out.append("&#9;");
                case '\n' -> out.append("&#10;");
                case '\r' -> out.append("&#13;");
                default -> out.append(allowedInXml(c) ? c : '\uFFFD');
            }
        }
    }

    /** XML 1.0 Char, on UTF-16 units: surrogates pass (pairs stay pairs), controls and U+FFFE/U+FFFF do not. */
    private static boolean allowedInXml(char c) {
        return c >= 0x20 && c != 0xFFFE && c != 0xFFFF;
    }
}
