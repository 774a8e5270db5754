package org.openemg.core.wbxml;

import java.util.ArrayList;
import java.util.List;
import org.openemg.core.xml.XmlElement;

/**
 * A Cache Operation (WAP-175): {@code <co>} with one or more {@code invalidate-object} and
 * {@code invalidate-service} elements, each naming a {@code uri}, compiled with the CO code page
 * (PAP-WAP.md 2.5, from one source only: Wireshark's tables).
 */
public final class CoDocument {

    private static final int PUBLIC_ID = 0x07;

    private static final int TAG_CO = 0x05;
    private static final int TAG_INVALIDATE_OBJECT = 0x06;
    private static final int TAG_INVALIDATE_SERVICE = 0x07;

    private record Invalidation(int tag, String uri) {
    }

    private final List<Invalidation> invalidations;

    private CoDocument(List<Invalidation> invalidations) {
        this.invalidations = invalidations;
    }

    public static CoDocument parse(byte[] xml, String charset) throws DocumentException {
        XmlElement co = ContentXml.root(xml, charset, "co");
        List<Invalidation> invalidations = new ArrayList<>();
        for (XmlElement child : co.children()) {
            int tag = switch (child.name()) {
                case "invalidate-object" -> TAG_INVALIDATE_OBJECT;
                case "invalidate-service" -> TAG_INVALIDATE_SERVICE;
                default -> throw new DocumentException("unexpected element " + child.name() + " in co");
            };
            invalidations.add(new Invalidation(tag, ContentXml.required(child, "uri")));
        }
        if (invalidations.isEmpty()) {
            throw new DocumentException("co without invalidate-object or invalidate-service");
        }
        return new CoDocument(invalidations);
    }

    public byte[] toWbxml() {
        WbxmlWriter out = new WbxmlWriter(PUBLIC_ID).tag(TAG_CO, false, true);
        for (Invalidation invalidation : invalidations) {
            out.tag(invalidation.tag, true, false);
            UrlTokens.CO_URI.write(out, invalidation.uri);
            out.end();
        }
        return out.end().toBytes();
    }
}
