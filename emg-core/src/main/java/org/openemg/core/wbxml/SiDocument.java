package org.openemg.core.wbxml;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.openemg.core.xml.XmlElement;

/**
 * A Service Indication (WAP-167): {@code <si><indication ...>text</indication><info>...</info></si>},
 * checked when read and compiled to WBXML with the SI code page (PAP-WAP.md 2.3). Attributes are
 * written in one fixed order (href, si-id, created, si-expires, action) whatever order the source had.
 */
public final class SiDocument {

    private static final int PUBLIC_ID = 0x05;

    private static final int TAG_SI = 0x05;
    private static final int TAG_INDICATION = 0x06;
    private static final int TAG_INFO = 0x07;
    private static final int TAG_ITEM = 0x08;
    private static final int ATTR_CREATED = 0x0A;
    private static final int ATTR_SI_EXPIRES = 0x10;
    private static final int ATTR_SI_ID = 0x11;
    private static final int ATTR_CLASS = 0x12;
    private static final Map<String, Integer> ACTIONS = Map.of(
            "signal-none", 0x05, "signal-low", 0x06, "signal-medium", 0x07, "signal-high", 0x08, "delete", 0x09);

    private final String href;
    private final String siId;
    private final byte[] created;
    private final byte[] expires;
    private final Integer action;
    private final String text;
    private final List<Item> items;

    private record Item(String className, String text) {
    }

    private SiDocument(String href, String siId, byte[] created, byte[] expires, Integer action, String text, List<Item> items) {
        this.href = href;
        this.siId = siId;
        this.created = created;
        this.expires = expires;
        this.action = action;
        this.text = text;
        this.items = items;
    }

    public static SiDocument parse(byte[] xml, String charset) throws DocumentException {
        XmlElement si = ContentXml.root(xml, charset, "si");
        XmlElement indication = si.child("indication");
        if (indication == null) {
            throw new DocumentException("si without indication");
        }
        for (XmlElement child : si.children()) {
            if (!child.name().equals("indication") && !child.name().equals("info")) {
                throw new DocumentException("unexpected element " + child.name() + " in si");
            }
        }
        String actionName = indication.attribute("action");
        Integer action = actionName == null ? null : ACTIONS.get(actionName);
        if (actionName != null && action == null) {
            throw new DocumentException("unknown SI action " + actionName);
        }
        List<Item> items = new ArrayList<>();
        XmlElement info = si.child("info");
        if (info != null) {
            for (XmlElement item : info.children("item")) {
                items.add(new Item(ContentXml.required(item, "class"), ContentXml.text(item)));
            }
        }
        return new SiDocument(indication.attribute("href"), indication.attribute("si-id"),
                date(indication.attribute("created")), date(indication.attribute("si-expires")), action,
                ContentXml.text(indication), items);
    }

    private static byte[] date(String value) throws DocumentException {
        return value == null ? null : WbxmlDate.octets(value);
    }

    public byte[] toWbxml() {
        WbxmlWriter out = new WbxmlWriter(PUBLIC_ID).tag(TAG_SI, false, true);
        boolean attributes = href != null || siId != null || created != null || expires != null || action != null;
        out.tag(TAG_INDICATION, attributes, !text.isEmpty());
        if (href != null) {
            UrlTokens.SI_HREF.write(out, href);
        }
        if (siId != null) {
            string(out.token(ATTR_SI_ID), siId);
        }
        if (created != null) {
            out.token(ATTR_CREATED).opaque(created);
        }
        if (expires != null) {
            out.token(ATTR_SI_EXPIRES).opaque(expires);
        }
        if (action != null) {
            out.token(action);
        }
        if (attributes) {
            out.end();
        }
        if (!text.isEmpty()) {
            out.inlineString(text).end();
        }
        if (!items.isEmpty()) {
            out.tag(TAG_INFO, false, true);
            for (Item item : items) {
                out.tag(TAG_ITEM, true, !item.text.isEmpty());
                string(out.token(ATTR_CLASS), item.className).end();
                if (!item.text.isEmpty()) {
                    out.inlineString(item.text).end();
                }
            }
            out.end();
        }
        return out.end().toBytes();
    }

    /** An attribute value as an inline string; an empty value is no string at all. */
    private static WbxmlWriter string(WbxmlWriter out, String value) {
        return value.isEmpty() ? out : out.inlineString(value);
    }
}
