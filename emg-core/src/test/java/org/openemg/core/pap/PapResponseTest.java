package org.openemg.core.pap;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.openemg.core.xml.HardenedXmlParser;
import org.openemg.core.xml.XmlDocument;
import org.openemg.core.xml.XmlElement;
import org.openemg.core.xml.XmlException;

/** The documents the PPG sends, exactly, each in the DOCTYPE of the version asked for. */
class PapResponseTest {

    private static final Instant T1 = Instant.parse("2024-05-01T12:00:00Z");
    private static final Instant T2 = Instant.parse("2024-05-01T12:00:07Z");
    private static final PpgIdentity PPG = new PpgIdentity("http://gw.example.com:8080/pap", "openemg");
    private static final String A1 = "WAPPUSH=+46701234567/TYPE=PLMN@ppg.example.com";
    private static final String A2 = "WAPPUSH=+46709876543/TYPE=PLMN";
    private static final String HEAD_2_0 = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
            + "<!DOCTYPE pap PUBLIC \"-//WAPFORUM//DTD PAP 2.0//EN\" \"http://www.wapforum.org/DTD/pap_2.0.dtd\">\n<pap>\n";

    @Test
    void pushResponseAccepted() {
        assertEquals(HEAD_2_0
                + "  <push-response push-id=\"p1\" sender-address=\"http://gw.example.com:8080/pap\" sender-name=\"openemg\""
                + " reply-time=\"2024-05-01T12:00:00Z\">\n"
                + "    <response-result code=\"1001\" desc=\"Accepted for processing\"/>\n"
                + "  </push-response>\n</pap>\n",
                PushResponse.of("p1", PapCode.ACCEPTED, T1, PPG).toXml(PapVersion.V2_0));
    }

    @Test
    void pushResponseDuplicateWithoutSenderAttributes() {
        assertEquals(HEAD_2_0
                + "  <push-response push-id=\"p&amp;1\" reply-time=\"2024-05-01T12:00:00Z\">\n"
                + "    <response-result code=\"2007\" desc=\"Duplicate push ID\"/>\n"
                + "  </push-response>\n</pap>\n",
                PushResponse.of("p&1", PapCode.DUPLICATE_PUSH_ID, T1, PpgIdentity.ANONYMOUS).toXml(PapVersion.V2_0));
    }

    @Test
    void badMessageEscapesTheFragment() {
        assertEquals(HEAD_2_0.replace("2.0", "1.0")
                + "  <badmessage-response code=\"2000\" desc=\"Not understood due to malformed syntax\""
                + " bad-message-fragment=\"&lt;pap&gt;&#10;&lt;push-message push-id=&quot;a&quot;&gt;&#9;\uFFFD\"/>\n</pap>\n",
                new BadMessageResponse(PapCode.BAD_REQUEST, "Not understood due to malformed syntax",
                        "<pap>\n<push-message push-id=\"a\">\t\u0001").toXml(PapVersion.V1_0));
    }

    @Test
    void statusQueryResponsePerAddress() {
        StatusQueryResponse response = new StatusQueryResponse("p1", List.of(
                StatusQueryResponse.Result.of(A1, PushState.DELIVERED, T2),
                StatusQueryResponse.Result.of(A2, PushState.PENDING, null)));
        assertEquals(HEAD_2_0
                + "  <statusquery-response push-id=\"p1\">\n"
                + "    <statusquery-result event-time=\"2024-05-01T12:00:07Z\" message-state=\"delivered\" code=\"1000\" desc=\"OK\">\n"
                + "      <address address-value=\"" + A1 + "\"/>\n"
                + "    </statusquery-result>\n"
                + "    <statusquery-result message-state=\"pending\" code=\"1001\" desc=\"Accepted for processing\">\n"
                + "      <address address-value=\"" + A2 + "\"/>\n"
                + "    </statusquery-result>\n"
                + "  </statusquery-response>\n</pap>\n", response.toXml(PapVersion.V2_0));
    }

    @Test
    void statusQueryResponseForAnUnknownPush() {
        assertEquals(HEAD_2_0
                + "  <statusquery-response push-id=\"nope\">\n"
                + "    <statusquery-result message-state=\"unknown\" code=\"2004\" desc=\"Push ID not found\">\n"
                + "    </statusquery-result>\n"
                + "  </statusquery-response>\n</pap>\n", StatusQueryResponse.unknownPush("nope", List.of()).toXml(PapVersion.V2_0));
    }

    @Test
    void cancelResponsePerOutcome() {
        CancelResponse response = new CancelResponse("p1", List.of(
                new CancelResponse.Result(PapCode.OK, List.of(A1)),
                new CancelResponse.Result(PapCode.CANCELLATION_NOT_POSSIBLE, List.of(A2))));
        assertEquals(HEAD_2_0
                + "  <cancel-response push-id=\"p1\">\n"
                + "    <cancel-result code=\"1000\" desc=\"OK\">\n"
                + "      <address address-value=\"" + A1 + "\"/>\n"
                + "    </cancel-result>\n"
                + "    <cancel-result code=\"2008\" desc=\"Cancellation not possible\">\n"
                + "      <address address-value=\"" + A2 + "\"/>\n"
                + "    </cancel-result>\n"
                + "  </cancel-response>\n</pap>\n", response.toXml(PapVersion.V2_0));
    }

    @Test
    void resultNotification() {
        assertEquals(HEAD_2_0
                + "  <resultnotification-message push-id=\"p1\" sender-address=\"http://gw.example.com:8080/pap\""
                + " sender-name=\"openemg\" received-time=\"2024-05-01T12:00:00Z\" event-time=\"2024-05-01T12:00:07Z\""
                + " message-state=\"undeliverable\" code=\"4000\" desc=\"Service failure\">\n"
                + "    <address address-value=\"" + A1 + "\"/>\n"
                + "  </resultnotification-message>\n</pap>\n",
                ResultNotificationMessage.of("p1", A1, PushState.UNDELIVERABLE, T1, T2, PPG).toXml(PapVersion.V2_0));
    }

    /** Every answer in every version reads back with its DOCTYPE and values intact. */
    @ParameterizedTest
    @EnumSource(PapVersion.class)
    void everyAnswerIsWellFormedInEveryVersion(PapVersion version) throws XmlException {
        List<PapResponse> answers = List.of(
                PushResponse.of("p\"<1>", PapCode.ACCEPTED, T1, PPG),
                new BadMessageResponse(PapCode.VERSION_NOT_SUPPORTED, "Version not supported", "<!DOCTYPE ]]> &amp; \u00e9\r\n"),
                new StatusQueryResponse("p1", List.of(StatusQueryResponse.Result.of(A1, PushState.EXPIRED, T2))),
                new CancelResponse("p1", List.of(new CancelResponse.Result(PapCode.PUSH_ID_NOT_FOUND, List.of()))),
                ResultNotificationMessage.of("p1", A1, PushState.DELIVERED, T1, T2, PpgIdentity.ANONYMOUS));
        HardenedXmlParser parser = new HardenedXmlParser(1 << 16);
        for (PapResponse answer : answers) {
            XmlDocument doc = parser.parse(answer.toXml(version).getBytes(StandardCharsets.UTF_8), null);
            assertEquals(PapVersion.ofPublicId(doc.publicId()).orElseThrow(), version);
            assertEquals("pap", doc.root().name());
            assertEquals(1, doc.root().children().size());
        }
        XmlElement bad = parser.parse(answers.get(1).toXml(version).getBytes(StandardCharsets.UTF_8), null).root().children().get(0);
        assertEquals("<!DOCTYPE ]]> &amp; \u00e9\r\n", bad.attribute("bad-message-fragment"));
        XmlElement push = parser.parse(answers.get(0).toXml(version).getBytes(StandardCharsets.UTF_8), null).root().children().get(0);
        assertEquals("p\"<1>", push.attribute("push-id"));
    }
}
