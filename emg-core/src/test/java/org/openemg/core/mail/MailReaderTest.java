package org.openemg.core.mail;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.openemg.core.mail.Mails.PLAIN;
import static org.openemg.core.mail.Mails.bytes;
import static org.openemg.core.mail.Mails.envelope;
import static org.openemg.core.mail.Mails.lines;
import static org.openemg.core.mail.Mails.read;
import static org.openemg.core.mail.Mails.readOne;

import jakarta.mail.MessagingException;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openemg.core.config.MailType;
import org.openemg.core.message.Options;

class MailReaderTest {

    /** The seed page's sample session, its headers as given and a quoted-printable Latin-1 body. */
    private static final byte[] SEED_SAMPLE = lines(
            "From: \"User Smith\" <user@example.com>",
            "To: <123456@domain.com>",
            "Subject: Test SMS",
            "Date: Thu, 14 Feb 2002 17:36:00 +0100",
            "MIME-Version: 1.0",
            "Content-Type: text/plain;",
            "  charset=\"iso-8859-1\"",
            "Content-Transfer-Encoding: quoted-printable",
            "X-Priority: 3",
            "",
            "Hej p=E5 dig, =E4ntligen =3D fredag!",
            "");

    @Test
    void seedSampleGivesSourceDestinationAndDecodedText() throws Exception {
        List<Options> messages = read(PLAIN, envelope("<46701234567@example.com>", "<123456@domain.com>"), SEED_SAMPLE);
        assertEquals(1, messages.size());
        Options message = messages.get(0);
        assertEquals("46701234567", message.get("SOURCEADDR"));
        assertEquals("123456", message.get("DESTADDR"));
        assertEquals("Hej på dig, äntligen = fredag!", message.get("MESSAGE"));
        assertEquals("Test SMS", message.get("SUBJECT"));
        assertFalse(message.has("PRIORITY"));
    }

    @Test
    void everyRecipientIsAMessageOfItsOwn() throws Exception {
        List<Options> messages = read(PLAIN, envelope("<+46701234567@example.com>", "<111@a.example>", "<222@b.example>",
                "<333@a.example>"), SEED_SAMPLE);
        assertEquals(List.of("111", "222", "333"), messages.stream().map(m -> m.get("DESTADDR")).toList());
        messages.forEach(m -> assertEquals("+46701234567", m.get("SOURCEADDR")));
        messages.forEach(m -> assertEquals("Hej på dig, äntligen = fredag!", m.get("MESSAGE")));
    }

    @Test
    void plainUsAsciiMail() throws Exception {
        assertEquals("Hello world", readOne(PLAIN, lines("Subject: hi", "", "Hello world", "")).get("MESSAGE"));
    }

    @Test
    void base64Utf8IsDecoded() throws Exception {
        MimeMessage mail = new MimeMessage(Mails.SESSION);
        mail.setText("Привет, мир ✓ €", "UTF-8");
        mail.setHeader("Content-Transfer-Encoding", "base64");
        byte[] raw = bytes(mail);
        assertEquals(true, new String(raw, StandardCharsets.US_ASCII).contains("base64"));
        assertEquals("Привет, мир ✓ €", readOne(PLAIN, raw).get("MESSAGE"));
    }

    @Test
    void quotedPrintableLatin1BuiltByJakartaMail() throws Exception {
        MimeMessage mail = new MimeMessage(Mails.SESSION);
        mail.setText("Grüße aus Malmö: 10 °C", "ISO-8859-1");
        mail.setHeader("Content-Transfer-Encoding", "quoted-printable");
        assertEquals("Grüße aus Malmö: 10 °C", readOne(PLAIN, bytes(mail)).get("MESSAGE"));
    }

    @Test
    void plainAlternativeIsPreferredOverHtml() throws Exception {
        MimeMultipart alternative = new MimeMultipart("alternative");
        alternative.addBodyPart(html("<p>the <b>HTML</b> one</p>"));
        alternative.addBodyPart(text("the plain one"));
        assertEquals("the plain one", readOne(PLAIN, bytes(mail(alternative))).get("MESSAGE"));
    }

    @Test
    void attachmentsAreDropped() throws Exception {
        MimeMultipart mixed = new MimeMultipart("mixed");
        mixed.addBodyPart(text("see the attachment"));
        MimeBodyPart attachment = new MimeBodyPart();
        attachment.setContent(new byte[] {1, 2, 3, 4}, "application/pdf");
        attachment.setFileName("invoice.pdf");
        attachment.setDisposition(Part.ATTACHMENT);
        mixed.addBodyPart(attachment);
        MimeBodyPart textAttachment = new MimeBodyPart();
        textAttachment.setText("a text file", "UTF-8");
        textAttachment.setFileName("notes.txt");
        textAttachment.setDisposition(Part.ATTACHMENT);
        mixed.addBodyPart(textAttachment);
        assertEquals("see the attachment", readOne(PLAIN, bytes(mail(mixed))).get("MESSAGE"));
    }

    @Test
    void mixedWithAlternativeInsideTakesItsPlainPart() throws Exception {
        MimeMultipart alternative = new MimeMultipart("alternative");
        alternative.addBodyPart(text("plain inside"));
        alternative.addBodyPart(html("<div>html inside</div>"));
        MimeBodyPart wrapper = new MimeBodyPart();
        wrapper.setContent(alternative);
        MimeMultipart mixed = new MimeMultipart("mixed");
        mixed.addBodyPart(wrapper);
        MimeBodyPart image = new MimeBodyPart();
        image.setContent(new byte[] {(byte) 0x89, 'P', 'N', 'G'}, "image/png");
        mixed.addBodyPart(image);
        assertEquals("plain inside", readOne(PLAIN, bytes(mail(mixed))).get("MESSAGE"));
    }

    @Test
    void htmlOnlyIsReducedToText() throws Exception {
        MimeMessage mail = new MimeMessage(Mails.SESSION);
        mail.setContent("<html><head><style>p{}</style></head><body><p>Meeting at 10&nbsp;AM</p>"
                + "<p>Room &amp; floor 3<br>Bring caf&eacute;</p></body></html>", "text/html; charset=UTF-8");
        assertEquals("Meeting at 10 AM\nRoom & floor 3\nBring café", readOne(PLAIN, bytes(mail)).get("MESSAGE"));
    }

    @Test
    void optionHeadersOverrideTheSession() throws Exception {
        Options message = readOne(PLAIN, lines(
                "Subject: binary",
                "X-EMG-Option-UDH: 050003CC0201",
                "X-EMG-Option-SourceAddr: ACME",
                "x-emg-option-dlr: 1",
                "X-EMG-Option-PASSWORD: secret",
                "",
                "part one",
                ""));
        assertEquals("050003CC0201", message.get("UDH"));
        assertEquals("ACME", message.get("SOURCEADDR"));
        assertEquals("1", message.get("DLR"));
        assertEquals("46702222222", message.get("DESTADDR"));
        assertFalse(message.has("PASSWORD"));
    }

    @Test
    void aDestinationHeaderReplacesTheRecipients() throws Exception {
        List<Options> messages = read(PLAIN, envelope("<a@example.com>", "<sms@gw.example>", "<other@gw.example>"),
                lines("X-EMG-Option-DESTADDR: 46709999999", "", "to the header's number", ""));
        assertEquals(1, messages.size());
        assertEquals("46709999999", messages.get(0).get("DESTADDR"));
    }

    @Test
    void senderAndSubjectComeFirstWithTheSeparator() throws Exception {
        byte[] mail = lines("From: \"User Smith\" <user@example.com>", "Subject: Lunch", "", "at noon?", "");
        MailSettings both = new MailSettings(MailType.NORMAL, true, true, " | ", false, false);
        assertEquals("User Smith | Lunch | at noon?", readOne(both, mail).get("MESSAGE"));
        MailSettings subjectOnly = new MailSettings(MailType.NORMAL, true, false, MailSettings.DEFAULT_SEPARATOR, false, false);
        assertEquals("Lunch at noon?", readOne(subjectOnly, mail).get("MESSAGE"));
        MailSettings senderOnly = new MailSettings(MailType.NORMAL, false, true, "\n", false, false);
        assertEquals("User Smith\nat noon?", readOne(senderOnly, mail).get("MESSAGE"));
    }

    @Test
    void withoutAFromHeaderTheEnvelopeSenderIsNamed() throws Exception {
        MailSettings sender = new MailSettings(MailType.NORMAL, false, true, ": ", false, false);
        List<Options> messages = read(sender, envelope("<alerts@example.com>", "<4670@gw.example>"), lines("", "disk full", ""));
        assertEquals("alerts@example.com: disk full", messages.get(0).get("MESSAGE"));
        assertEquals("alerts", messages.get(0).get("SOURCEADDR"));
    }

    @Test
    void highXPriorityRaisesPriorityOnlyWithUsePriority() throws Exception {
        MailSettings usePriority = new MailSettings(MailType.NORMAL, false, false, " ", true, false);
        assertEquals("2", readOne(usePriority, lines("X-Priority: 1 (Highest)", "", "x", "")).get("PRIORITY"));
        assertEquals("1", readOne(usePriority, lines("X-Priority: 2", "", "x", "")).get("PRIORITY"));
        assertFalse(readOne(usePriority, lines("X-Priority: 3", "", "x", "")).has("PRIORITY"));
        assertFalse(readOne(usePriority, lines("X-Priority: 5 (Lowest)", "", "x", "")).has("PRIORITY"));
        assertFalse(readOne(PLAIN, lines("X-Priority: 1", "", "x", "")).has("PRIORITY"));
    }

    @Test
    void emailTypeKeepsTheContentAsItCame() throws Exception {
        MailSettings email = new MailSettings(MailType.EMAIL, true, true, " ", false, false);
        byte[] mail = lines("Subject: kept", "Content-Type: text/html", "", "<p>Line  one</p>", "", "  indented", "");
        assertEquals("<p>Line  one</p>\r\n\r\n  indented\r\n", readOne(email, mail).get("MESSAGE"));
    }

    @Test
    void aPartWithoutCharsetIsReadAsTheConnectorSays() throws Exception {
        byte[] utf8Body = "Subject: x\r\n\r\nsmörgåsbord\r\n".getBytes(StandardCharsets.UTF_8);
        MailSettings utf8 = new MailSettings(MailType.NORMAL, false, false, " ", false, true);
        assertEquals("smörgåsbord", readOne(utf8, utf8Body).get("MESSAGE"));
        byte[] latin1Body = "Subject: x\r\n\r\nsmörgåsbord\r\n".getBytes(StandardCharsets.ISO_8859_1);
        assertEquals("smörgåsbord", readOne(PLAIN, latin1Body).get("MESSAGE"));
    }

    @Test
    void anUnknownCharsetFallsBackRatherThanFailing() throws Exception {
        byte[] mail = lines("Content-Type: text/plain; charset=x-no-such-charset", "", "still readable", "");
        assertEquals("still readable", readOne(PLAIN, mail).get("MESSAGE"));
    }

    @Test
    void encodedSubjectIsDecoded() throws Exception {
        MailSettings subject = new MailSettings(MailType.NORMAL, true, false, " - ", false, false);
        byte[] mail = lines("Subject: =?UTF-8?B?w4RudGxpZ2VuIGZyZWRhZw==?=", "", "body", "");
        assertEquals("Äntligen fredag - body", readOne(subject, mail).get("MESSAGE"));
    }

    @Test
    void aMailThatIsNoMimeIsAnError() {
        byte[] broken = lines("Content-Type: multipart/mixed; boundary=\"b\"", "", "--b", "Content-Type: text/plain",
                "Content-Transfer-Encoding: base64", "", "@@@not base64 at all", "");
        assertThrows(IOException.class, () -> readOne(PLAIN, broken).get("MESSAGE"));
    }

    private static MimeMessage mail(MimeMultipart content) throws MessagingException {
        MimeMessage mail = new MimeMessage(Mails.SESSION);
        mail.setSubject("multipart");
        mail.setContent(content);
        return mail;
    }

    private static MimeBodyPart text(String text) throws MessagingException {
        MimeBodyPart part = new MimeBodyPart();
        part.setText(text, "UTF-8");
        return part;
    }

    private static MimeBodyPart html(String html) throws MessagingException {
        MimeBodyPart part = new MimeBodyPart();
        part.setContent(html, "text/html; charset=UTF-8");
        return part;
    }
}
