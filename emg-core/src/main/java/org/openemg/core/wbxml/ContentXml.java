package org.openemg.core.wbxml;

import org.openemg.core.xml.HardenedXmlParser;
import org.openemg.core.xml.XmlElement;
import org.openemg.core.xml.XmlException;

/** Reads an SI, SL or CO document with the hardened parser and checks its root element. */
final class ContentXml {

    /** Far above what fits in 255 SMS, so only hostile documents hit it. */
    private static final HardenedXmlParser PARSER = new HardenedXmlParser(64 * 1024);

    private ContentXml() {
    }

    static XmlElement root(byte[] xml, String charset, String rootName) throws DocumentException {
        XmlElement root;
        try {
            root = PARSER.parse(xml, charset).root();
        } catch (XmlException e) {
            throw new DocumentException("not well-formed: " + e.getMessage(), e);
        }
        if (!root.name().equals(rootName)) {
            throw new DocumentException("root element " + root.name() + ", expected " + rootName);
        }
        return root;
    }

    static String required(XmlElement element, String attribute) throws DocumentException {
        String value = element.attribute(attribute);
        if (value == null) {
            throw new DocumentException(element.name() + " without " + attribute);
        }
        return value;
    }

    /** Element text as SI carries it: trimmed, runs of white space made one space. */
    static String text(XmlElement element) {
        return element.text().strip().replaceAll("\\s+", " ");
    }
}
