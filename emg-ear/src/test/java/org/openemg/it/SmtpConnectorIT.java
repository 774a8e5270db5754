package org.openemg.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import java.net.InetSocketAddress;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsmpp.bean.SubmitSm;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openemg.testkit.Eventually;
import org.openemg.testkit.GatewayHttp;
import org.openemg.testkit.SmtpDialogue;

/** Mail in through smtp-in to the SMSC, and SMS out through smtp-out to a mail server, on the real server. */
class SmtpConnectorIT extends DeployedGatewayTest {

    private static final Duration ARRIVAL = Duration.ofSeconds(90);
    private static final Pattern ACCEPTED = Pattern.compile("250 Messaging accepted \\(id=(7\\d{15})\\)");
    private static final InetSocketAddress SMTP_IN = new InetSocketAddress(System.getProperty("it.host"),
            Integer.getInteger("it.smtp.port"));
    private static GreenMail mailServer;

    @BeforeAll
    static void start() {
        mailServer = new GreenMail(new ServerSetup(Integer.getInteger("it.mailserver.port"), "127.0.0.1", "smtp"));
        mailServer.start();
    }

    @AfterAll
    static void stop() {
        mailServer.stop();
    }

    private static String unique(String label) {
        return label + " " + System.nanoTime();
    }

    private List<SubmitSm> arrivedWithText(String text) {
        return smsc.accepted().stream()
                .filter(s -> new String(s.getShortMessage(), StandardCharsets.ISO_8859_1).contains(text))
                .toList();
    }

    @Test
    void theSeedSampleSessionReachesTheSmsc() throws Exception {
        String text = unique("Seed sample");
        String id;
        try (SmtpDialogue smtp = new SmtpDialogue("127.0.0.1", SMTP_IN)) {
            assertTrue(smtp.reply().startsWith("220 "));
            assertTrue(smtp.say("HELO client.example.com").startsWith("250"));
            assertTrue(smtp.say("MAIL FROM:<46701234567@example.com>").startsWith("250"));
            assertTrue(smtp.say("RCPT TO:<46709876543@domain.com>").startsWith("250"));
            String reply = smtp.mail(
                    "From: \"User Smith\" <user@example.com>",
                    "To: <46709876543@domain.com>",
                    "Subject: Test SMS",
                    "Date: Thu, 14 Feb 2002 17:36:00 +0100",
                    "MIME-Version: 1.0",
                    "Content-Type: text/plain;",
                    "  charset=\"iso-8859-1\"",
                    "Content-Transfer-Encoding: quoted-printable",
                    "X-Priority: 3",
                    "",
                    text);
            Matcher accepted = ACCEPTED.matcher(reply);
            assertTrue(accepted.matches(), reply);
            id = accepted.group(1);
            assertTrue(smtp.say("QUIT").startsWith("221"));
        }
        assertTrue(Eventually.within(ARRIVAL, () -> arrivedWithText(text).size() == 1), "the mail arrives as an SMS");
        SubmitSm submit = arrivedWithText(text).get(0);
        assertEquals("46709876543", submit.getDestAddress());
        assertEquals("46701234567", submit.getSourceAddr());
        assertEquals("Test SMS " + text, new String(submit.getShortMessage(), StandardCharsets.ISO_8859_1));
        assertTrue(operator.status(id).contains("smpp-out"), operator.status(id));
    }

    @Test
    void relayingIsDeniedToAClientOutsideLocalIps() throws Exception {
        String text = unique("Relayed");
        try (SmtpDialogue outsider = new SmtpDialogue("127.0.0.4", SMTP_IN)) {
            outsider.reply();
            outsider.say("HELO outsider");
            outsider.say("MAIL FROM:<spam@example.org>");
            assertEquals("550 Relaying denied", outsider.say("RCPT TO:<46701230000@elsewhere.org>"));
            outsider.say("RSET");
            outsider.say("MAIL FROM:<friend@example.org>");
            assertTrue(outsider.say("RCPT TO:<46701230001@sms.example.com>").startsWith("250"));
            assertTrue(ACCEPTED.matcher(outsider.mail("Subject: local", "", text)).matches());
        }
        assertTrue(Eventually.within(ARRIVAL, () -> arrivedWithText(text).size() == 1));
        assertEquals("46701230001", arrivedWithText(text).get(0).getDestAddress());
    }

    @Test
    void anOversizeMailIsRefusedAndNothingSent() throws Exception {
        String big = unique("Oversize");
        try (SmtpDialogue smtp = new SmtpDialogue("127.0.0.1", SMTP_IN)) {
            smtp.reply();
            smtp.say("EHLO client");
            smtp.say("MAIL FROM:<a@example.com>");
            smtp.say("RCPT TO:<46701230002@sms.example.com>");
            String[] lines = new String[300];
            Arrays.fill(lines, "x".repeat(100));
            lines[0] = "";
            lines[1] = big;
            assertTrue(smtp.mail(lines).startsWith("552"));
        }
        String small = unique("After oversize");
        try (SmtpDialogue smtp = new SmtpDialogue("127.0.0.1", SMTP_IN)) {
            smtp.reply();
            smtp.say("EHLO client");
            smtp.say("MAIL FROM:<a@example.com>");
            smtp.say("RCPT TO:<46701230002@sms.example.com>");
            assertTrue(ACCEPTED.matcher(smtp.mail("", small)).matches());
        }
        assertTrue(Eventually.within(ARRIVAL, () -> arrivedWithText(small).size() == 1));
        assertEquals(List.of(), arrivedWithText(big));
    }

    @Test
    void anSmsRoutedToSmtpOutBecomesAMailAndIsDelivered() throws Exception {
        String text = unique("To a mailbox");
        HttpResponse<String> response = gateway.post("/bin/send", GatewayHttp.params()
                .add("USERNAME", "alice").add("PASSWORD", "secret").add("SOURCEADDR", "46701112222")
                .add("DESTADDR", "4697123").add("MESSAGE", text));
        assertEquals(200, response.statusCode(), response.body());
        String id = response.body().strip();
        assertTrue(Eventually.within(ARRIVAL, () -> mailWithText(text) != null), "the mail arrives");
        MimeMessage mail = mailWithText(text);
        assertEquals("46701112222@mail.example.com", mail.getFrom()[0].toString());
        assertEquals("4697123@mail.example.com", mail.getAllRecipients()[0].toString());
        assertEquals("http-in", mail.getHeader("X-EMG-Option-CONNECTOR", null));
        assertTrue(Eventually.within(ARRIVAL, () -> operator.status(id).contains("STATE=DELIVERED")), () -> operator.status(id));
    }

    private static MimeMessage mailWithText(String text) {
        for (MimeMessage mail : mailServer.getReceivedMessages()) {
            try {
                if (String.valueOf(mail.getContent()).contains(text)) {
                    return mail;
                }
            } catch (Exception unreadable) {
                throw new AssertionError(unreadable);
            }
        }
        return null;
    }
}
