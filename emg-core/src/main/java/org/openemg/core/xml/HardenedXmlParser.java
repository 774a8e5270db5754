package org.openemg.core.xml;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.xml.XMLConstants;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.parsers.SAXParser;
import javax.xml.parsers.SAXParserFactory;
import org.xml.sax.Attributes;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;
import org.xml.sax.XMLReader;
import org.xml.sax.ext.DefaultHandler2;

/**
 * Parses documents that come from outside (PAP control entities, SI/SL/CO content) into
 * {@link XmlDocument}s. DOCTYPEs are read but their DTDs never fetched; a document that declares
 * an external entity, general or parameter, is refused before anything could read it; internal
 * entities expand within small limits; the document's size is bounded.
 */
public final class HardenedXmlParser {

    private static final String LIMIT_EXPANSIONS = "64";
    private static final String LIMIT_ENTITY_CHARS = "4096";
    private static final String LIMIT_TOTAL_ENTITY_CHARS = "16384";
    private static final String LIMIT_DEPTH = "32";
    private static final String LIMIT_ATTRIBUTES = "64";

    private final int maxOctets;

    public HardenedXmlParser(int maxOctets) {
        this.maxOctets = maxOctets;
    }

    /** The document in {@code octets}; {@code charset} (from a Content-Type) overrides the XML declaration when given. */
    public XmlDocument parse(byte[] octets, String charset) throws XmlException {
        if (octets.length > maxOctets) {
            throw new XmlException("document larger than " + maxOctets + " octets");
        }
        TreeBuilder builder = new TreeBuilder();
        InputSource source = new InputSource(new ByteArrayInputStream(octets));
        if (charset != null) {
            source.setEncoding(charset);
        }
        XMLReader reader = READERS.get();
        try {
            handOver(reader, builder);
            reader.parse(source);
        } catch (SAXException | IOException e) {
            throw new XmlException(e.getMessage(), e);
        } finally {
            // the thread keeps its reader, not the last document nor this class loader's handler
            handOver(reader, NO_HANDLER);
        }
        return new XmlDocument(builder.publicId, builder.systemId, builder.root);
    }

    /**
     * One reader per thread, reused: building a hardened parser costs about 130 microseconds, more than
     * parsing a PAP document. A SAX reader starts every parse afresh, keeping its features and limits.
     */
    private static final ThreadLocal<XMLReader> READERS = ThreadLocal.withInitial(() -> {
        try {
            return newParser().getXMLReader();
        } catch (ParserConfigurationException | SAXException e) {
            throw new IllegalStateException("the JDK's SAX parser refused a hardening setting", e);
        }
    });
    private static final DefaultHandler2 NO_HANDLER = new DefaultHandler2();

    private static void handOver(XMLReader reader, DefaultHandler2 handler) {
        reader.setContentHandler(handler);
        reader.setErrorHandler(handler);
        reader.setEntityResolver(handler);
        try {
            reader.setProperty("http://xml.org/sax/properties/lexical-handler", handler);
            reader.setProperty("http://xml.org/sax/properties/declaration-handler", handler);
        } catch (SAXException e) {
            throw new IllegalStateException("the JDK's SAX reader has no lexical or declaration handler", e);
        }
    }

    /**
     * The JDK's own parser, not whatever the server's JAXP lookup finds: every setting below is
     * known to that one, and an unknown setting would throw rather than silently not harden.
     */
    private static SAXParser newParser() throws ParserConfigurationException, SAXException {
        SAXParserFactory factory = SAXParserFactory.newDefaultInstance();
        factory.setNamespaceAware(false);
        factory.setValidating(false);
        factory.setXIncludeAware(false);
        factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
        factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
        factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        SAXParser parser = factory.newSAXParser();
        parser.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        parser.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        parser.setProperty("jdk.xml.entityExpansionLimit", LIMIT_EXPANSIONS);
        parser.setProperty("jdk.xml.maxGeneralEntitySizeLimit", LIMIT_ENTITY_CHARS);
        parser.setProperty("jdk.xml.maxParameterEntitySizeLimit", LIMIT_ENTITY_CHARS);
        parser.setProperty("jdk.xml.totalEntitySizeLimit", LIMIT_TOTAL_ENTITY_CHARS);
        parser.setProperty("jdk.xml.entityReplacementLimit", LIMIT_TOTAL_ENTITY_CHARS);
        parser.setProperty("jdk.xml.maxElementDepth", LIMIT_DEPTH);
        parser.setProperty("jdk.xml.elementAttributeLimit", LIMIT_ATTRIBUTES);
        return parser;
    }

    /** Builds the element tree and refuses every way a document could reach outside itself. */
    private static final class TreeBuilder extends DefaultHandler2 {

        private final Deque<Open> open = new ArrayDeque<>();
        private String publicId;
        private String systemId;
        private XmlElement root;

        private record Open(String name, Map<String, String> attributes, List<XmlElement> children, StringBuilder text) {
        }

        @Override
        public void startDTD(String name, String publicId, String systemId) {
            this.publicId = publicId;
            this.systemId = systemId;
        }

        @Override
        public void externalEntityDecl(String name, String publicId, String systemId) throws SAXException {
            throw new SAXException("external entity " + name + " declared");
        }

        @Override
        public void skippedEntity(String name) throws SAXException {
            throw new SAXException("entity " + name + " not expanded");
        }

        @Override
        public InputSource resolveEntity(String name, String publicId, String baseUri, String systemId) throws SAXException {
            throw new SAXException("external resource " + systemId + " refused");
        }

        @Override
        public void startElement(String uri, String localName, String qName, Attributes attributes) {
            Map<String, String> values = new HashMap<>();
            for (int i = 0; i < attributes.getLength(); i++) {
                values.put(attributes.getQName(i), attributes.getValue(i));
            }
            open.push(new Open(qName, values, new ArrayList<>(), new StringBuilder()));
        }

        @Override
        public void endElement(String uri, String localName, String qName) {
            Open done = open.pop();
            XmlElement element = new XmlElement(done.name, done.attributes, done.children, done.text.toString());
            if (open.isEmpty()) {
                root = element;
            } else {
                open.peek().children.add(element);
            }
        }

        @Override
        public void characters(char[] ch, int start, int length) {
            if (!open.isEmpty()) {
                open.peek().text.append(ch, start, length);
            }
        }

        @Override
        public void error(SAXParseException e) throws SAXException {
            throw e;
        }
    }
}
