package org.openemg.core.wbxml;

import java.util.Map;
import org.openemg.core.xml.XmlElement;

/**
 * A Service Loading (WAP-168): the empty element {@code <sl href="..." action="..."/>}, compiled
 * to WBXML with the SL code page (PAP-WAP.md 2.4). Having no content, the element has no END.
 */
public final class SlDocument {

    private static final int PUBLIC_ID = 0x06;

    private static final int TAG_SL = 0x05;
    private static final Map<String, Integer> ACTIONS = Map.of("execute-low", 0x05, "execute-high", 0x06, "cache", 0x07);

    private final String href;
    private final Integer action;

    private SlDocument(String href, Integer action) {
        this.href = href;
        this.action = action;
    }

    public static SlDocument parse(byte[] xml, String charset) throws DocumentException {
        XmlElement sl = ContentXml.root(xml, charset, "sl");
        String href = ContentXml.required(sl, "href");
        String actionName = sl.attribute("action");
        Integer action = actionName == null ? null : ACTIONS.get(actionName);
        if (actionName != null && action == null) {
            throw new DocumentException("unknown SL action " + actionName);
        }
        return new SlDocument(href, action);
    }

    public byte[] toWbxml() {
        WbxmlWriter out = new WbxmlWriter(PUBLIC_ID).tag(TAG_SL, true, false);
        UrlTokens.SL_HREF.write(out, href);
        if (action != null) {
            out.token(action);
        }
        return out.end().toBytes();
    }
}
