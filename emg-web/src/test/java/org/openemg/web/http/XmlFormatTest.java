package org.openemg.web.http;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.math.BigDecimal;
import java.util.Optional;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.openemg.core.message.Status;

class XmlFormatTest {

    private final ResponseFormat format = ResponseFormat.ofSuffix(".xml");

    @Test
    void mediaType() {
        assertEquals("application/xml;charset=UTF-8", format.mediaType());
    }

    @Test
    void specExampleWithBalance() {
        assertEquals("<response><results><result><status>0</status><msgid>25629515</msgid><statustext>OK</statustext>"
                        + "</result></results><balance>956489.1699</balance></response>",
                format.outcome(Outcomes.ONE_ACCEPTED));
    }

    @Test
    void refusedWithoutMsgidPartsWhenSplitNoBalance() {
        assertEquals("<response><results>"
                        + "<result><status>0</status><msgid>10000000000001</msgid><statustext>OK</statustext></result>"
                        + "<result><status>5</status><statustext>Invalid argument: DESTADDR</statustext></result>"
                        + "<result><status>0</status><msgid>10000000000002</msgid><statustext>OK</statustext>"
                        + "<parts>2</parts></result>"
                        + "</results></response>",
                format.outcome(Outcomes.MIXED));
    }

    @Test
    void requestLevelFailure() {
        assertEquals("<response><results><result><status>3</status><statustext>Invalid login</statustext>"
                        + "</result></results></response>",
                format.failure(Status.INVALID_LOGIN, "Invalid login"));
    }

    @Test
    void escapesTextIntoParsableXml() throws Exception {
        String body = format.outcome(Outcomes.NEEDS_ESCAPING);
        assertEquals("<response><results><result><status>14</status>"
                        + "<statustext>Blacklisted: &lt;&quot;a&amp;b&apos;&gt;\\\n\uFFFD</statustext>"
                        + "</result></results></response>", body);
        String parsed = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8)))
                .getElementsByTagName("statustext").item(0).getTextContent();
        assertEquals("Blacklisted: <\"a&b'>\\\n\uFFFD", parsed);
    }

    @Test
    void messageStatus() {
        assertEquals("<message><id>10000000000042</id><state>SUBMITTED</state><connector>http-in</connector>"
                        + "<outconnector>smpp-out</outconnector><smscid>0a1b2c</smscid><attempts>1</attempts>"
                        + "<created>2025-01-31T12:00:00Z</created><updated>2025-01-31T12:00:01Z</updated></message>",
                format.message(Outcomes.SUBMITTED, Optional.empty(), Optional.empty()));
    }

    @Test
    void messageStatusWithItsLastReport() {
        assertEquals("<message><id>7</id><state>QUEUED</state><connector>http-in</connector><attempts>0</attempts>"
                        + "<created>2025-01-31T12:00:00Z</created><messagestate>EXPIRED</messagestate>"
                        + "<dlrtime>2025-01-31T13:00:00Z</dlrtime></message>",
                format.message(Outcomes.QUEUED, Optional.of(Outcomes.EXPIRED), Optional.empty()));
    }

    @Test
    void messageStatusWithTheBalanceOfTheSendersAccount() {
        assertEquals("<message><id>7</id><state>QUEUED</state><connector>http-in</connector><attempts>0</attempts>"
                        + "<created>2025-01-31T12:00:00Z</created><balance>0.0000</balance></message>",
                format.message(Outcomes.QUEUED, Optional.empty(), Optional.of(new BigDecimal("0.0000"))));
    }
}
