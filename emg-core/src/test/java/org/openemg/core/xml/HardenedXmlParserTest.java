package org.openemg.core.xml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The parser reads DTD-typed documents and refuses every way a document reaches outside itself or grows without bound. */
class HardenedXmlParserTest {

    private final HardenedXmlParser parser = new HardenedXmlParser(4096);

    @Test
    void readsDoctypeElementsAttributesAndText() throws XmlException {
        XmlDocument doc = parse("<?xml version=\"1.0\"?>\n<!DOCTYPE pap PUBLIC \"-//WAPFORUM//DTD PAP 2.0//EN\""
                + " \"http://www.wapforum.org/DTD/pap_2.0.dtd\">\n"
                + "<pap><push-message push-id=\"p1\">x<address address-value=\"a\"/>y<address address-value=\"b\"/></push-message></pap>");
        assertEquals("-//WAPFORUM//DTD PAP 2.0//EN", doc.publicId());
        assertEquals("http://www.wapforum.org/DTD/pap_2.0.dtd", doc.systemId());
        XmlElement push = doc.root().child("push-message");
        assertEquals("p1", push.attribute("push-id"));
        assertEquals("xy", push.text());
        assertEquals(List.of("a", "b"), push.children("address").stream().map(a -> a.attribute("address-value")).toList());
        assertNull(push.attribute("deliver-before-timestamp"));
    }

    @Test
    void documentWithoutDoctype() throws XmlException {
        XmlDocument doc = parse("<pap/>");
        assertNull(doc.publicId());
        assertEquals("pap", doc.root().name());
    }

    @Test
    void internalEntitiesExpandWithinTheLimits() throws XmlException {
        assertEquals("Hello Acme", parse("<!DOCTYPE si [<!ENTITY co \"Acme\">]><si>Hello &co;</si>").root().text());
    }

    @Test
    void externalEntityNamingARealFileIsRefusedAndItsContentNeverAppears(@TempDir Path dir) throws IOException {
        Path secret = Files.writeString(dir.resolve("secret.txt"), "TOPSECRET");
        String xml = "<?xml version=\"1.0\"?><!DOCTYPE pap [<!ENTITY xxe SYSTEM \"" + secret.toUri() + "\">]><pap>&xxe;</pap>";
        XmlException e = assertThrows(XmlException.class, () -> parse(xml));
        assertFalse(e.getMessage().contains("TOPSECRET"));
    }

    @Test
    void externalParameterEntityIsRefused(@TempDir Path dir) throws IOException {
        Path dtd = Files.writeString(dir.resolve("evil.dtd"), "<!ENTITY leak \"TOPSECRET\">");
        String xml = "<!DOCTYPE pap [<!ENTITY % p SYSTEM \"" + dtd.toUri() + "\"> %p;]><pap>&leak;</pap>";
        XmlException e = assertThrows(XmlException.class, () -> parse(xml));
        assertFalse(e.getMessage().contains("TOPSECRET"));
    }

    /**
     * A listening socket on loopback counts the connections the parser makes, closing each at once
     * so that a parser that does connect fails instead of waiting for an answer.
     */
    @Test
    void neverConnectsForTheDtdOrAnExternalEntity() throws Exception {
        AtomicInteger connections = new AtomicInteger();
        try (ServerSocket server = new ServerSocket(0, 10, InetAddress.getLoopbackAddress())) {
            Thread acceptor = new Thread(() -> {
                while (true) {
                    try (Socket ignored = server.accept()) {
                        connections.incrementAndGet();
                    } catch (IOException closed) {
                        return;
                    }
                }
            });
            acceptor.start();
            String base = "http://127.0.0.1:" + server.getLocalPort();
            XmlDocument doc = parse("<!DOCTYPE pap PUBLIC \"-//WAPFORUM//DTD PAP 2.0//EN\" \"" + base + "/pap_2.0.dtd\"><pap/>");
            assertEquals(base + "/pap_2.0.dtd", doc.systemId());
            assertThrows(XmlException.class, () -> parse("<!DOCTYPE pap [<!ENTITY x SYSTEM \"" + base + "/x\">]><pap>&x;</pap>"));
            assertThrows(XmlException.class, () -> parse("<!DOCTYPE pap [<!ENTITY % x SYSTEM \"" + base + "/x\"> %x;]><pap/>"));
            server.close();
            acceptor.join(5000);
        }
        assertEquals(0, connections.get());
    }

    @Test
    void billionLaughsStopsAtTheExpansionLimit() {
        StringBuilder dtd = new StringBuilder("<!DOCTYPE pap [<!ENTITY l0 \"ha\">");
        for (int i = 1; i <= 9; i++) {
            dtd.append("<!ENTITY l").append(i).append(" \"").append(("&l" + (i - 1) + ";").repeat(10)).append("\">");
        }
        String xml = dtd + "]><pap>&l9;</pap>";
        assertThrows(XmlException.class, () -> parse(xml));
    }

    @Test
    void oneLargeEntityRepeatedStopsAtTheSizeLimit() {
        String xml = "<!DOCTYPE pap [<!ENTITY big \"" + "x".repeat(2000) + "\">]><pap>" + "&big;".repeat(30) + "</pap>";
        assertThrows(XmlException.class, () -> new HardenedXmlParser(100_000).parse(xml.getBytes(StandardCharsets.UTF_8), null));
    }

    @Test
    void documentLargerThanTheBoundIsRefusedUnread() {
        assertThrows(XmlException.class, () -> parse("<pap>" + " ".repeat(4096) + "</pap>"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "<pap>", "<pap></pa>", "pap", "<pap>&undeclared;</pap>", "<a/><b/>", "<pap a=\"1\" a=\"2\"/>"})
    void refusesWhatIsNotWellFormed(String xml) {
        assertThrows(XmlException.class, () -> parse(xml));
    }

    /** The thread's reader is reused: limits count per document, and nothing of one document is left for the next. */
    @Test
    void eachDocumentIsReadAfreshByTheReusedReader(@TempDir Path dir) throws IOException, XmlException {
        for (int i = 0; i < 100; i++) {
            assertEquals("Hello Acme", parse("<!DOCTYPE si [<!ENTITY co \"Acme\">]><si>Hello &co;</si>").root().text());
        }
        assertThrows(XmlException.class, () -> parse("<pap><push-message>"));
        XmlDocument next = parse("<pap/>");
        assertNull(next.publicId(), "no DOCTYPE of an earlier document");
        assertEquals("pap", next.root().name());
        Path secret = Files.writeString(dir.resolve("secret.txt"), "TOPSECRET");
        for (int i = 0; i < 2; i++) {
            assertThrows(XmlException.class, () -> parse("<!DOCTYPE pap [<!ENTITY x SYSTEM \"" + secret.toUri() + "\">]><pap>&x;</pap>"));
            billionLaughsStopsAtTheExpansionLimit();
        }
    }

    @Test
    void charsetFromContentTypeWins() throws XmlException {
        byte[] latin1 = "<?xml version=\"1.0\"?><si>\u00fc</si>".getBytes(StandardCharsets.ISO_8859_1);
        assertEquals("\u00fc", parser.parse(latin1, "ISO-8859-1").root().text());
    }

    private XmlDocument parse(String xml) throws XmlException {
        return parser.parse(xml.getBytes(StandardCharsets.UTF_8), null);
    }
}
