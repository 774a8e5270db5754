package org.openemg.core.wsp;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.openemg.core.mime.MediaType;
import org.openemg.core.mime.MimeException;
import org.openemg.core.text.UserDataHeader;

/** Push PDUs of PAP-WAP.md 4.1 (header variants A, B, C) and 4.3 (a whole SMS's user data from Mobile Tidings). */
class WspPushPduTest {

    static final String MINIMAL_WBXML = "02056a0045c60d036578616d706c650085010359" + "6f752068617665206d61696c000101";
    private static final String PORTS_UDH = "0605040b8423f0";

    @Test
    void variantAContentTypeOnly() throws MimeException {
        String pdu = pdu(1, "application/vnd.wap.sic", null, MINIMAL_WBXML);
        assertEquals("010601ae" + MINIMAL_WBXML, pdu);
        assertEquals(46, (PORTS_UDH + pdu).length() / 2);
    }

    @Test
    void variantBWithApplicationIdWmlUa() throws MimeException {
        String pdu = pdu(1, "application/vnd.wap.sic", "x-wap-application:wml.ua", MINIMAL_WBXML);
        assertEquals("010603aeaf82" + MINIMAL_WBXML, pdu);
        assertEquals(48, (PORTS_UDH + pdu).length() / 2);
    }

    @Test
    void variantCContentTypeWithCharset() throws MimeException {
        String pdu = pdu(1, "application/vnd.wap.sic; charset=utf-8", null, MINIMAL_WBXML);
        assertEquals("01060403ae81ea" + MINIMAL_WBXML, pdu);
        assertEquals(49, (PORTS_UDH + pdu).length() / 2);
    }

    @Test
    void kannelMmsApplicationIdIsAf84() throws MimeException {
        assertEquals("000603beaf84" + "00", pdu(0, "application/vnd.wap.mms-message", "x-wap-application:mms.ua", "00"));
    }

    /** The 94 octets of user data of Mobile Tidings' AT+CMGS PDU: UDH (ports 2948/49154, concatenation F0 1/1), WSP, WBXML. */
    @Test
    void mobileTidingsUserData() throws MimeException {
        String wbxml = "02056a0045c60c03" + ascii("mobiletidings.com/") + "000ac3062009022616251" + "0c306200903041625"
                + "0103" + ascii("Check out Mobile Tidings!") + "000101";
        assertEquals(75, wbxml.length() / 2);
        byte[] udh = UserDataHeader.NONE
                .with(UserDataHeader.IEI_PORTS_16BIT, (byte) 0x0B, (byte) 0x84, (byte) 0xC0, (byte) 0x02)
                .with(UserDataHeader.IEI_CONCAT_8BIT, (byte) 0xF0, (byte) 1, (byte) 1)
                .toBytes();
        ByteArrayOutputStream userData = new ByteArrayOutputStream();
        userData.writeBytes(udh);
        userData.writeBytes(new WspPushPdu(0x0B, MediaType.parse("application/vnd.wap.sic; charset=utf-8"), null,
                HexFormat.of().parseHex(wbxml)).toBytes());
        assertEquals(94, userData.size());
        assertEquals("0b05040b84c0020003f00101" + "0b060403ae81ea" + wbxml, HexFormat.of().formatHex(userData.toByteArray()));
    }

    @Test
    void headersLongerThan127OctetsHaveAMultiOctetUintvar() throws MimeException {
        String name = "a".repeat(150);
        byte[] pdu = new WspPushPdu(0, MediaType.parse("application/x-b; n=" + name), null, new byte[0]).toBytes();
        // content type: 1F + uintvar(len) + "application/x-b\0" + "n\0" + name + "\0"
        int general = 16 + 2 + 151;
        int headers = 2 + 1 + general;
        assertEquals("0006" + "81" + String.format("%02x", headers - 128) + "1f81" + String.format("%02x", general - 128),
                HexFormat.of().formatHex(pdu, 0, 7));
        assertEquals(2 + 2 + headers, pdu.length);
    }

    private static String pdu(int tid, String contentType, String applicationId, String body) throws MimeException {
        return HexFormat.of().formatHex(new WspPushPdu(tid, MediaType.parse(contentType),
                applicationId == null ? null : PushApplicationId.parse(applicationId), HexFormat.of().parseHex(body)).toBytes());
    }

    private static String ascii(String s) {
        return HexFormat.of().formatHex(s.getBytes(StandardCharsets.US_ASCII));
    }
}
