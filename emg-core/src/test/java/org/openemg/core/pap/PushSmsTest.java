package org.openemg.core.pap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.openemg.core.pap.PapTexts.MULTIPART;
import static org.openemg.core.pap.PapTexts.PAP_2_0;
import static org.openemg.core.pap.PapTexts.SI_WBXML;
import static org.openemg.core.pap.PapTexts.control;
import static org.openemg.core.pap.PapTexts.multipart;
import static org.openemg.core.pap.PapTexts.push;
import static org.openemg.core.pap.PapTexts.siPush;
import static org.openemg.core.pap.PapTexts.utf8;

import java.io.ByteArrayOutputStream;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.openemg.core.config.ConcatMode;
import org.openemg.core.message.Options;
import org.openemg.core.text.ConcatReferences;
import org.openemg.core.text.EncodedSms;
import org.openemg.core.text.MessageSplitter;
import org.openemg.core.text.SmsEncoder;
import org.openemg.core.text.TextSettings;

/**
 * A push as the gateway's option bags, and those bags through the text package's splitter and
 * encoder to the octets an SMSC receives (PAP-WAP.md 3.2 and 4.1).
 */
class PushSmsTest {

    private static final Instant NOW = Instant.parse("2024-05-01T12:00:00Z");

    @Test
    void optionBagOfAPushWithTimingNotificationAndTwoAddresses() throws PapException {
        String message = "<push-message push-id=\"p1\" deliver-before-timestamp=\"2024-05-02T06:30:00Z\""
                + " deliver-after-timestamp=\"2024-05-01T13:00:00Z\" ppg-notify-requested-to=\"http://pi/n\">"
                + "<address address-value=\"WAPPUSH=+46701234567/TYPE=PLMN@ppg.example.com\"/>"
                + "<address address-value=\"wappush=+44-7700-900123/type=plmn\"/></push-message>";
        List<Options> sms = PushSms.of(PapRequest.parse(MULTIPART, siPush(control(PAP_2_0, message))), 1, NOW);
        assertEquals(2, sms.size());
        Map<String, String> expected = new LinkedHashMap<>();
        expected.put("DESTADDR", "+46701234567");
        expected.put("MESSAGE", ("010601ae" + SI_WBXML).toUpperCase());
        expected.put("CHARCODE", "2");
        expected.put("DESTPORT", "2948");
        expected.put("SOURCEPORT", "9200");
        expected.put("VP", "20240502063000");
        expected.put("DELTIME", "20240501130000");
        expected.put("DLR", "1");
        expected.put("PAP_PUSHID", "p1");
        expected.put("PAP_ADDRESS", "WAPPUSH=+46701234567/TYPE=PLMN@ppg.example.com");
        expected.put("PAP_NOTIFYTO", "http://pi/n");
        expected.put("PAP_VERSION", "2.0");
        assertEquals(expected, sms.get(0).asMap());
        expected.put("DESTADDR", "+447700900123");
        expected.put("PAP_ADDRESS", "wappush=+44-7700-900123/type=plmn");
        assertEquals(expected, sms.get(1).asMap());
    }

    @Test
    void optionBagOfAPlainPush() throws PapException {
        Options sms = single(siPush(control(PAP_2_0, push(""))), 7);
        assertEquals(Map.of("DESTADDR", "+46701234567", "MESSAGE", ("070601ae" + SI_WBXML).toUpperCase(), "CHARCODE", "2",
                "DESTPORT", "2948", "SOURCEPORT", "9200", "PAP_PUSHID", "p1",
                "PAP_ADDRESS", "WAPPUSH=+46701234567/TYPE=PLMN@ppg.example.com", "PAP_VERSION", "2.0"), sms.asMap());
    }

    @Test
    void deliverAfterInThePastIsSentNow() throws PapException {
        Options sms = single(siPush(control(PAP_2_0, push("deliver-after-timestamp=\"2024-05-01T11:59:59Z\""))), 1);
        assertEquals(null, sms.get("DELTIME"));
    }

    @ParameterizedTest(name = "deliver-before {0}")
    @CsvSource({"2024-05-01T12:00:00Z", "2020-01-01T00:00:00Z"})
    void deliverBeforeThatHasPassedIsForbidden(String before) {
        PapException e = assertThrows(PapException.class,
                () -> single(siPush(control(PAP_2_0, push("deliver-before-timestamp=\"" + before + "\""))), 1));
        assertEquals(PapCode.FORBIDDEN, e.code());
        assertEquals("p1", assertInstanceOf(PushResponse.class, e.response(PpgIdentity.ANONYMOUS, NOW)).pushId());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "text/vnd.wap.si | <si><indication action=\"shout\">x</indication></si>",
            "text/vnd.wap.si | <si><indication created=\"2024-13-01T00:00:00Z\">x</indication></si>",
            "text/vnd.wap.sl | <sl/>",
            "text/vnd.wap.co | <co><invalidate-object uri=\"http://a/\"></co>",
            "text/vnd.wap.si | <!DOCTYPE si [<!ENTITY x SYSTEM \"file:///etc/hostname\">]><si><indication>&x;</indication></si>",
    })
    void contentThatDoesNotCompileIsATransformationFailure(String type, String document) {
        byte[] body = multipart(control(PAP_2_0, push("")), "Content-Type: " + type, utf8(document));
        PapException e = assertThrows(PapException.class, () -> single(body, 1));
        assertEquals(PapCode.TRANSFORMATION_FAILURE, e.code());
        assertInstanceOf(PushResponse.class, e.response(PpgIdentity.ANONYMOUS, NOW));
    }

    /** The largest push fits 255 parts even at 127 octets a part (16-bit references); one octet more is refused. */
    @Test
    void pushTooLongFor255SmsIsRefused() throws PapException {
        byte[] fits = new byte[PushSms.MAX_PDU_OCTETS - 4];
        Options largest = single(multipart(control(PAP_2_0, push("")), "Content-Type: application/vnd.wap.sic", fits), 0);
        assertEquals(PushSms.MAX_PDU_OCTETS * 2, largest.get("MESSAGE").length());
        assertEquals(255, new MessageSplitter(new ConcatReferences(4))
                .count(largest, new TextSettings(false, ConcatMode.UDH_16BIT, 0)));
        byte[] tooLong = new byte[PushSms.MAX_PDU_OCTETS - 3];
        PapException e = assertThrows(PapException.class, () -> single(
                multipart(control(PAP_2_0, push("")), "Content-Type: application/vnd.wap.sic", tooLong), 0));
        assertEquals(PapCode.BAD_REQUEST, e.code());
    }

    /** Content type and headers of the PDU for each kind of content. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "SL compiled       | text/vnd.wap.sl                 |                                     | <sl href=\"http://www.example.com/\" action=\"execute-high\"/> | 000601b0 02066a00850a036578616d706c6500850601",
            "CO compiled       | text/vnd.wap.co                 |                                     | <co><invalidate-service uri=\"http://a/\"/></co> | 000601b2 02076a004587060361 2f000101",
            "sic passed        | application/vnd.wap.sic         |                                     | BINARY 02056a00450601                                          | 000601ae 02056a00450601",
            "slc charset kept  | application/vnd.wap.slc; charset=utf-8 |                              | BINARY 02066a00850801                                          | 00060403b081ea 02066a00850801",
            "mms notification  | application/vnd.wap.mms-message | x-wap-application:mms.ua            | BINARY 8c82                                                    | 000603beaf84 8c82",
            "wml.ua left out   | application/vnd.wap.sic         | x-wap-application:wml.ua            | BINARY 00                                                      | 000601ae 00",
            "text app id       | application/vnd.wap.sic         | x-wap-application:foo               | BINARY 00                                                      | 000618aeaf782d7761702d6170706c69636174696f6e3a666f6f00 00",
            "unknown type      | application/x-thing             |                                     | BINARY 01                                                      | 000614 6170706c69636174696f6e2f782d7468696e6700 01",
    })
    void pduPerContent(String name, String type, String applicationId, String content, String pdu) throws PapException {
        String headers = "Content-Type: " + type + (applicationId == null ? "" : "\r\nX-Wap-Application-Id: " + applicationId);
        byte[] body = content.startsWith("BINARY ") ? HexFormat.of().parseHex(content.substring(7)) : utf8(content);
        Options sms = single(multipart(control(PAP_2_0, push("")), headers, body), 0);
        assertEquals(pdu.replace(" ", "").toUpperCase(), sms.get("MESSAGE"));
    }

    /** PAP-WAP.md 4.1 variant A, 46 octets: what the SMSC receives for the minimal SI. */
    @Test
    void minimalSiIsOneSmsOfVariantA() throws PapException {
        List<EncodedSms> parts = send(single(siPush(control(PAP_2_0, push(""))), 1), TextSettings.DEFAULT);
        assertEquals(1, parts.size());
        EncodedSms sms = parts.get(0);
        assertEquals(4, sms.dataCoding());
        assertEquals(0x40, sms.esmClass());
        assertEquals("0605040b8423f0" + "010601ae" + SI_WBXML, HexFormat.of().formatHex(sms.shortMessage()));
        assertEquals(46, sms.shortMessage().length);
    }

    /** Longer than one SMS: one UDH per part with the port element and the concatenation element, 128 octets of PDU each. */
    @Test
    void longSiIsConcatenatedWithPortsAndConcatenationInOneUdh() throws PapException {
        String si = "<si><indication href=\"http://www.example.com/\">" + "x".repeat(150) + "</indication></si>";
        Options message = single(multipart(control(PAP_2_0, push("")), "Content-Type: text/vnd.wap.si", utf8(si)), 0);
        byte[] pdu = HexFormat.of().parseHex(message.get("MESSAGE"));
        List<EncodedSms> parts = send(message, TextSettings.DEFAULT);
        assertEquals(2, parts.size());
        assertEquals("0b05040b8423f0" + "00030402" + "01", HexFormat.of().formatHex(parts.get(0).shortMessage(), 0, 12));
        assertEquals("0b05040b8423f0" + "00030402" + "02", HexFormat.of().formatHex(parts.get(1).shortMessage(), 0, 12));
        assertEquals(140, parts.get(0).shortMessage().length);
        assertEquals("000601ae02056a00", HexFormat.of().formatHex(parts.get(0).shortMessage(), 12, 20));
        assertEquals(HexFormat.of().formatHex(pdu), HexFormat.of().formatHex(payloads(parts)));
    }

    @Test
    void sixteenBitConnectorsGetTheSixteenBitElementBesideThePorts() throws PapException {
        String si = "<si><indication href=\"http://www.example.com/\">" + "x".repeat(150) + "</indication></si>";
        Options message = single(multipart(control(PAP_2_0, push("")), "Content-Type: text/vnd.wap.si", utf8(si)), 0);
        List<EncodedSms> parts = send(message, new TextSettings(false, ConcatMode.UDH_16BIT, 0));
        assertEquals(2, parts.size());
        assertEquals("0c05040b8423f0" + "0804000402" + "01", HexFormat.of().formatHex(parts.get(0).shortMessage(), 0, 13));
        assertEquals(140, parts.get(0).shortMessage().length);
        assertEquals(message.get("MESSAGE"), HexFormat.of().formatHex(payloads(parts, 13)).toUpperCase());
    }

    private static Options single(byte[] body, int tid) throws PapException {
        List<Options> sms = PushSms.of(PapRequest.parse(MULTIPART, body), tid, NOW);
        assertEquals(1, sms.size());
        return sms.get(0);
    }

    private static List<EncodedSms> send(Options message, TextSettings settings) {
        return new MessageSplitter(new ConcatReferences(4)).split(message, settings).stream().map(SmsEncoder::encode).toList();
    }

    private static byte[] payloads(List<EncodedSms> parts) {
        return payloads(parts, 12);
    }

    private static byte[] payloads(List<EncodedSms> parts, int udhLength) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (EncodedSms part : parts) {
            out.write(part.shortMessage(), udhLength, part.shortMessage().length - udhLength);
        }
        return out.toByteArray();
    }
}
