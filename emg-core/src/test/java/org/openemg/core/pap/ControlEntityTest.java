package org.openemg.core.pap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.openemg.core.pap.PapTexts.ADDRESS;
import static org.openemg.core.pap.PapTexts.PAP_1_0;
import static org.openemg.core.pap.PapTexts.PAP_2_0;
import static org.openemg.core.pap.PapTexts.PAP_2_1;
import static org.openemg.core.pap.PapTexts.control;
import static org.openemg.core.pap.PapTexts.push;
import static org.openemg.core.pap.PapTexts.utf8;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The control entity: versions, the messages a PPG takes, and what each kind of wrong value is answered with. */
class ControlEntityTest {

    private static final Instant NOW = Instant.parse("2024-05-01T12:00:00Z");

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "-//WAPFORUM//DTD PAP 1.0//EN | http://www.wapforum.org/DTD/pap_1.0.dtd                 | V1_0",
            "-//WAPFORUM//DTD PAP//EN     | http://www.wapforum.org/DTD/pap_1.0.dtd                 | V1_0",
            "-//WAPFORUM//DTD PAP 2.0//EN | http://www.wapforum.org/DTD/pap_2.0.dtd                 | V2_0",
            "-//WAPFORUM//DTD PAP 2.0//EN | http://www.openmobilealliance.org/tech/DTD/pap_2.0.dtd  | V2_0",
            "-//WAPFORUM//DTD PAP 2.1//EN | http://www.openmobilealliance.org/tech/DTD/pap_2.1.dtd  | V2_1",
    })
    void versionsByPublicId(String publicId, String systemId, PapVersion version) throws PapException {
        String doctype = "<!DOCTYPE pap PUBLIC \"" + publicId + "\" \"" + systemId + "\">";
        assertEquals(version, parse(control(doctype, push(""))).version());
    }

    @Test
    void noDoctypeIsRead1_0() throws PapException {
        assertEquals(PapVersion.V1_0, parse(control("", push(""))).version());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "2.0,1.*   | ",
            "1.*       | ",
            "2.1       | ",
            "1.0, 2.*  | ",
            "3.0       | 3002",
            "3.*,4.0   | 3002",
    })
    void versionNegotiation(String supported, Integer refusal) throws PapException {
        String doctype = PAP_2_0.replace(">", " [<?wap-pap-ver supported-versions=\"" + supported + "\"?>]>");
        String xml = control(doctype, push(""));
        if (refusal == null) {
            assertEquals(PapVersion.V2_0, parse(xml).version());
        } else {
            PapException e = assertThrows(PapException.class, () -> parse(xml));
            assertEquals(refusal, e.code().value());
            assertEquals(PapVersion.V2_0, e.version());
            assertInstanceOf(BadMessageResponse.class, e.response(PpgIdentity.ANONYMOUS, NOW));
        }
    }

    @Test
    void unknownVersionIsBadMessage3002() {
        String doctype = "<!DOCTYPE pap PUBLIC \"-//WAPFORUM//DTD PAP 3.0//EN\" \"http://www.wapforum.org/DTD/pap_3.0.dtd\">";
        PapException e = assertThrows(PapException.class, () -> parse(control(doctype, push(""))));
        assertEquals(PapCode.VERSION_NOT_SUPPORTED, e.code());
        assertInstanceOf(BadMessageResponse.class, e.response(PpgIdentity.ANONYMOUS, NOW));
    }

    @Test
    void pushMessageWithEverything() throws PapException {
        String xml = control(PAP_2_0, "<push-message push-id=\"9fjeo39jf084@pi.com\""
                + " deliver-before-timestamp=\"2024-05-02T00:00:00Z\" deliver-after-timestamp=\"2024-05-01T13:30:00Z\""
                + " source-reference=\"my-pi\" ppg-notify-requested-to=\"https://pi.example.com/notify?x=1\""
                + " progress-notes-requested=\"true\">"
                + "<address address-value=\"" + ADDRESS + "\"/>"
                + "<address address-value=\"wappush=+46709876543/type=plmn\"/>"
                + "<address address-value=\"WAPPUSH=+46-70-123.45.67/TYPE=PLMN\"/>"
                + "<quality-of-service priority=\"high\" delivery-method=\"unconfirmed\" network=\"GSM\" bearer=\"SMS\"/>"
                + "</push-message>");
        ControlEntity control = parse(xml);
        PushMessage push = assertInstanceOf(PushMessage.class, control.message());
        assertEquals(PapVersion.V2_0, control.version());
        assertEquals("9fjeo39jf084@pi.com", push.pushId());
        assertEquals(Instant.parse("2024-05-02T00:00:00Z"), push.deliverBefore());
        assertEquals(Instant.parse("2024-05-01T13:30:00Z"), push.deliverAfter());
        assertEquals("https://pi.example.com/notify?x=1", push.notifyTo());
        assertTrue(push.progressNotesRequested());
        assertEquals(List.of(ADDRESS, "wappush=+46709876543/type=plmn"),
                push.addresses().stream().map(PapAddress::value).toList(), "the third address is the first one's number again");
    }

    @Test
    void pushMessageWithNothingOptional() throws PapException {
        PushMessage push = assertInstanceOf(PushMessage.class, parse(control(PAP_1_0, push(""))).message());
        assertNull(push.deliverBefore());
        assertNull(push.deliverAfter());
        assertNull(push.notifyTo());
        assertFalse(push.progressNotesRequested());
    }

    @Test
    void statusQueryAndCancel() throws PapException {
        String addresses = "<address address-value=\"" + ADDRESS + "\"/><address address-value=\"WAPPUSH=x%40y/TYPE=USER\"/>";
        StatusQueryMessage query = assertInstanceOf(StatusQueryMessage.class,
                parse(control(PAP_2_1, "<statusquery-message push-id=\"p1\">" + addresses + "</statusquery-message>")).message());
        assertEquals("p1", query.pushId());
        assertEquals(List.of("PLMN", "USER"), query.addresses().stream().map(PapAddress::type).toList());
        CancelMessage cancel = assertInstanceOf(CancelMessage.class,
                parse(control(PAP_2_0, "<cancel-message push-id=\"p2\"/>")).message());
        assertEquals("p2", cancel.pushId());
        assertTrue(cancel.addresses().isEmpty());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"1000, OK", "1500, OK", "2000, BAD_REQUEST", "2002, ADDRESS_ERROR"})
    void resultNotificationResponseFromThePushInitiator(int code, PapCode expected) throws PapException {
        String xml = control(PAP_2_0, "<resultnotification-response push-id=\"p1\" code=\"" + code + "\" desc=\"OK\">"
                + "<address address-value=\"" + ADDRESS + "\"/></resultnotification-response>");
        ResultNotificationResponse response = assertInstanceOf(ResultNotificationResponse.class, parse(xml).message());
        assertEquals(expected, response.code());
        assertEquals("p1", response.pushId());
    }

    /** Each refusal: the message element, the code, and whether it is answered with push-response (else badmessage-response). */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "malformed XML             | <push-message push-id=\"p1\">                                               | 2000 | false",
            "no push-id                | <push-message><address address-value=\"WAPPUSH=+4670/TYPE=PLMN\"/></push-message> | 2000 | false",
            "empty push-id             | <push-message push-id=\"\"/>                                                 | 2000 | false",
            "unknown message           | <push-response push-id=\"p1\"/>                                             | 2000 | false",
            "ccq-message               | <ccq-message query-id=\"q1\"/>                                              | 3001 | false",
            "statusquery bad address   | <statusquery-message push-id=\"p1\"><address address-value=\"+4670\"/></statusquery-message> | 2000 | false",
            "resultnotification no code | <resultnotification-response push-id=\"p1\"/>                              | 2000 | false",
            "resultnotification code 42 | <resultnotification-response push-id=\"p1\" code=\"42\"/>                  | 2000 | false",
            "TYPE=USER                 | <push-message push-id=\"p1\"><address address-value=\"WAPPUSH=a%40b/TYPE=USER@ppg\"/></push-message> | 2002 | true",
            "TYPE=IPv4                 | <push-message push-id=\"p1\"><address address-value=\"WAPPUSH=10.0.0.1/TYPE=IPv4\"/></push-message> | 2002 | true",
            "PLMN without +            | <push-message push-id=\"p1\"><address address-value=\"WAPPUSH=4670/TYPE=PLMN\"/></push-message> | 2002 | true",
            "address grammar           | <push-message push-id=\"p1\"><address address-value=\"+46701234567\"/></push-message> | 2002 | true",
            "address-value missing     | <push-message push-id=\"p1\"><address/></push-message>                       | 2002 | true",
            "no address                | <push-message push-id=\"p1\"/>                                               | 2002 | true",
            "one good one bad address  | <push-message push-id=\"p1\"><address address-value=\"WAPPUSH=+4670/TYPE=PLMN\"/><address address-value=\"WAPPUSH=1.2.3.4/TYPE=IPv4\"/></push-message> | 2002 | true",
            "bad timestamp             | PUSH deliver-before-timestamp=\"2024-05-02 00:00:00\"                       | 2000 | true",
            "impossible timestamp      | PUSH deliver-after-timestamp=\"2024-02-30T00:00:00Z\"                       | 2000 | true",
            "after not before before   | PUSH deliver-before-timestamp=\"2024-05-02T00:00:00Z\" deliver-after-timestamp=\"2024-05-02T00:00:00Z\" | 2000 | true",
            "notify not a URL          | PUSH ppg-notify-requested-to=\"not a url\"                                  | 2000 | true",
            "notify not http           | PUSH ppg-notify-requested-to=\"file:///etc/passwd\"                         | 2000 | true",
            "progress notes yes        | PUSH progress-notes-requested=\"yes\"                                       | 2000 | true",
            "replace-push-id           | PUSH replace-push-id=\"p0\"                                                 | 3011 | true",
            "confirmed                 | QOS delivery-method=\"confirmed\"                                           | 3007 | true",
            "bearer USSD required      | QOS bearer=\"USSD\" bearer-required=\"true\"                                | 3010 | true",
            "network Mobitex required  | QOS network=\"Mobitex\" network-required=\"true\"                           | 3009 | true",
            "bearer-required maybe     | QOS bearer-required=\"maybe\"                                               | 2000 | true",
    })
    void refusals(String name, String message, int code, boolean pushResponse) {
        String element;
        if (message.startsWith("PUSH ")) {
            element = push(message.substring(5));
        } else if (message.startsWith("QOS ")) {
            element = "<push-message push-id=\"p1\"><address address-value=\"" + ADDRESS + "\"/><quality-of-service "
                    + message.substring(4) + "/></push-message>";
        } else {
            element = message;
        }
        PapException e = assertThrows(PapException.class, () -> parse(control(PAP_2_0, element)));
        assertEquals(code, e.code().value(), e.getMessage());
        PapResponse response = e.response(PpgIdentity.ANONYMOUS, NOW);
        if (pushResponse) {
            assertEquals("p1", assertInstanceOf(PushResponse.class, response).pushId());
        } else {
            assertInstanceOf(BadMessageResponse.class, response);
        }
    }

    @Test
    void relaxedBearerAndNetworkAreFine() throws PapException {
        String xml = control(PAP_2_0, "<push-message push-id=\"p1\"><address address-value=\"" + ADDRESS + "\"/>"
                + "<quality-of-service delivery-method=\"preferconfirmed\" network=\"Mobitex\" bearer=\"USSD\"/></push-message>");
        assertInstanceOf(PushMessage.class, parse(xml).message());
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "<si><indication>x</indication></si>",
            "<!DOCTYPE si PUBLIC \"-//WAPFORUM//DTD SI 1.0//EN\" \"http://www.wapforum.org/DTD/si.dtd\"><si/>",
            "<pap/>",
            "<pap><statusquery-message push-id=\"a\"/><cancel-message push-id=\"a\"/></pap>",
    })
    void notAPapDocumentWithOneMessageIsBadMessage2000(String xml) {
        PapException e = assertThrows(PapException.class, () -> parse(xml));
        assertInstanceOf(BadMessageResponse.class, e.response(PpgIdentity.ANONYMOUS, NOW));
        assertEquals(PapCode.BAD_REQUEST, e.code());
    }

    @Test
    void malformedXmlKeepsTheVersionItsDoctypeNamedAndQuotesTheDocument() {
        String xml = control(PAP_2_1, "<push-message push-id=\"p1\">");
        PapException e = assertThrows(PapException.class, () -> parse(xml));
        assertEquals(PapVersion.V2_1, e.version());
        BadMessageResponse response = assertInstanceOf(BadMessageResponse.class, e.response(PpgIdentity.ANONYMOUS, NOW));
        assertEquals(xml, response.fragment());
    }

    private static ControlEntity parse(String xml) throws PapException {
        return ControlEntity.parse(utf8(xml), null);
    }
}
