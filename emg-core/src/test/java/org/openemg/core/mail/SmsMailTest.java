package org.openemg.core.mail;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openemg.core.message.Options;

class SmsMailTest {

    @Test
    void addressesInTheDomainBodyInUtf8OtherOptionsAsHeaders() throws Exception {
        Options mo = new Options().set("SOURCEADDR", "+46701234567").set("DESTADDR", "72000")
                .set("MESSAGE", "Hej på dig ✓").set("DLR", "1").set("SMSCID", "abc").set("PASSWORD", "secret");
        MimeMessage mail = SmsMail.compose(Mails.SESSION, mo, "sms.example.com");
        assertEquals("+46701234567@sms.example.com", mail.getFrom()[0].toString());
        assertEquals("72000@sms.example.com", mail.getRecipients(Message.RecipientType.TO)[0].toString());
        assertEquals("SMS from +46701234567", mail.getSubject());
        assertEquals("Hej på dig ✓", mail.getContent());
        assertEquals("1", mail.getHeader("X-EMG-Option-DLR", null));
        assertEquals("abc", mail.getHeader("X-EMG-Option-SMSCID", null));
        assertEquals(null, mail.getHeader("X-EMG-Option-PASSWORD"));
        assertEquals(null, mail.getHeader("X-EMG-Option-MESSAGE"));
    }

    @Test
    void anIncomingConnectorReadsTheMailBackIntoTheSameOptions() throws Exception {
        Options sent = new Options().set("SOURCEADDR", "46701234567").set("DESTADDR", "46707654321")
                .set("MESSAGE", "Grüße, €5\nzweite Zeile").set("UDH", "050003CC0201").set("CONNECTOR", "smpp-out")
                .set("ORIGID", "70000000042");
        byte[] raw = Mails.bytes(SmsMail.compose(Mails.SESSION, sent, "gw.example"));
        List<Options> read = Mails.read(Mails.PLAIN, Mails.envelope("<46701234567@gw.example>", "<46707654321@gw.example>"), raw);
        Options back = read.get(0);
        assertEquals(sent.get("MESSAGE"), back.get("MESSAGE"));
        assertEquals("46701234567", back.get("SOURCEADDR"));
        assertEquals("46707654321", back.get("DESTADDR"));
        assertEquals("050003CC0201", back.get("UDH"));
        assertEquals("70000000042", back.get("ORIGID"));
    }

    @Test
    void aDeliveryReportWithoutTextSaysWhatHappened() throws Exception {
        Options dlr = new Options().set("MSGTYPE", "5").set("ORIGID", "70000000042").set("MESSAGESTATE", "DELIVERED")
                .set("DESTADDR", "4670");
        MimeMessage mail = SmsMail.compose(Mails.SESSION, dlr, "gw.example");
        assertEquals("Delivery report for 70000000042: DELIVERED", mail.getSubject());
        assertEquals("Delivery report for 70000000042: DELIVERED", mail.getContent());
        assertEquals("emg@gw.example", mail.getFrom()[0].toString());
    }

    @Test
    void analphanumericSenderIsQuotedAndAFullAddressKept() throws Exception {
        Options message = new Options().set("SOURCEADDR", "ACME Corp").set("DESTADDR", "ops@example.org").set("MESSAGE", "x");
        MimeMessage mail = SmsMail.compose(Mails.SESSION, message, "gw.example");
        assertEquals("\"ACME Corp\"@gw.example", ((InternetAddress) mail.getFrom()[0]).getAddress());
        assertEquals("ops@example.org", mail.getRecipients(Message.RecipientType.TO)[0].toString());
    }

    @Test
    void aHeaderValueNeverBreaksTheHeaderBlock() throws Exception {
        Options message = new Options().set("DESTADDR", "1").set("MESSAGE", "x").set("NOTE", "two\r\nlines: ä");
        MimeMessage mail = SmsMail.compose(Mails.SESSION, message, "gw.example");
        String raw = new String(Mails.bytes(mail), java.nio.charset.StandardCharsets.US_ASCII);
        assertFalse(raw.contains("\r\nlines"));
        Options back = Mails.read(Mails.PLAIN, Mails.envelope("<>", "<1@gw.example>"), Mails.bytes(mail)).get(0);
        assertEquals("two  lines: ä", back.get("NOTE"));
    }

    @Test
    void noDestinationIsAnError() {
        assertThrows(MessagingException.class, () -> SmsMail.compose(Mails.SESSION, new Options().set("MESSAGE", "x"), "gw.example"));
    }
}
