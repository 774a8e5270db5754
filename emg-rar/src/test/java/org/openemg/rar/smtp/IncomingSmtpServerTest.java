package org.openemg.rar.smtp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.net.InetSocketAddress;
import java.io.InputStream;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import org.openemg.rar.work.ThreadPerTask;
import org.openemg.testkit.SmtpDialogue;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openemg.core.config.Cidr;
import org.openemg.core.config.Endpoint;
import org.openemg.core.config.FileSource;
import org.openemg.core.config.ServerConfig;
import org.openemg.core.config.ServerConfigReader;
import org.openemg.core.config.MailType;
import org.openemg.core.mail.MailSettings;
import org.openemg.core.mail.RelayRule;
import org.openemg.core.message.GatewayException;
import org.openemg.core.message.Options;
import org.openemg.core.message.Status;

class IncomingSmtpServerTest {

    private static final MailSettings PLAIN = new MailSettings(MailType.NORMAL, false, false, " ", false, false);
    private static final RelayRule OPEN = new RelayRule(List.of(), List.of());

    private final FakeGateway gateway = new FakeGateway(7398);
    private IncomingSmtpServer server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.stop();
        }
    }

    private int start(IncomingSmtpSettings settings) {
        server = new IncomingSmtpServer(settings, gateway, new ThreadPerTask());
        server.start();
        return server.port();
    }

    private static IncomingSmtpSettings settings(int instances, Optional<Integer> maxSize, boolean auth, MailSettings mail,
            RelayRule relay) {
        return new IncomingSmtpSettings("smtp-in", new Endpoint("127.0.0.1", 0), instances, maxSize, auth, mail, relay,
                Optional.empty());
    }

    private int startPlain() {
        return start(settings(4, Optional.empty(), false, PLAIN, OPEN));
    }

    @Test
    void theSeedSampleSessionLineByLine() throws Exception {
        int port = startPlain();
        try (SmtpDialogue smtp = new SmtpDialogue("127.0.0.1", new InetSocketAddress("127.0.0.1", port))) {
            assertTrue(smtp.reply().matches("220 \\S+ ESMTP.*"));
            assertTrue(smtp.say("HELO client.example.com").startsWith("250 "));
            assertTrue(smtp.say("MAIL FROM:<46701234567@example.com>").startsWith("250 "));
            assertTrue(smtp.say("RCPT TO:<123456@domain.com>").startsWith("250"));
            assertEquals("250 Messaging accepted (id=7398)", smtp.mail(
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
                    "Hej p=E5 dig",
                    ".starts with a dot"));
            assertTrue(smtp.say("QUIT").startsWith("221"));
        }
        Options message = gateway.messages().get(0);
        assertEquals("46701234567", message.get("SOURCEADDR"));
        assertEquals("123456", message.get("DESTADDR"));
        assertEquals("Hej på dig\n.starts with a dot", message.get("MESSAGE"));
        assertEquals(new org.openemg.core.message.ClientIdentity(null, "127.0.0.1"), gateway.received.get(0).client());
    }

    @Test
    void severalMailsInOneSessionWithRset() throws Exception {
        int port = startPlain();
        try (SmtpDialogue smtp = new SmtpDialogue("127.0.0.1", new InetSocketAddress("127.0.0.1", port))) {
            smtp.reply();
            smtp.say("EHLO client");
            for (int i = 0; i < 3; i++) {
                assertTrue(smtp.say("MAIL FROM:<4670000000" + i + "@example.com>").startsWith("250"));
                assertTrue(smtp.say("RCPT TO:<4671000000" + i + "@gw.example>").startsWith("250"));
                assertEquals("250 Messaging accepted (id=" + (7398 + i) + ")", smtp.mail("Subject: n" + i, "", "text " + i));
                assertTrue(smtp.say("RSET").startsWith("250"));
            }
        }
        assertEquals(List.of("text 0", "text 1", "text 2"), gateway.messages().stream().map(m -> m.get("MESSAGE")).toList());
    }

    @Test
    void severalRecipientsAreOneMessageEachInOneCall() throws Exception {
        int port = startPlain();
        try (SmtpDialogue smtp = new SmtpDialogue("127.0.0.1", new InetSocketAddress("127.0.0.1", port))) {
            smtp.reply();
            smtp.say("HELO client");
            smtp.say("MAIL FROM:<sender@example.com>");
            smtp.say("RCPT TO:<111@gw.example>");
            smtp.say("RCPT TO:<222@gw.example>");
            assertEquals("250 Messaging accepted (id=7398,7399)", smtp.mail("", "to both"));
        }
        assertEquals(1, gateway.received.size());
        assertEquals(List.of("111", "222"), gateway.messages().stream().map(m -> m.get("DESTADDR")).toList());
    }

    @Test
    void relayingIsDeniedOutsideLocalIpsAndNothingIsQueued() throws Exception {
        RelayRule relay = new RelayRule(List.of("sms.example.com"), List.of(Cidr.parse("127.0.0.1/32")));
        int port = start(settings(4, Optional.empty(), false, PLAIN, relay));
        try (SmtpDialogue outsider = new SmtpDialogue("127.0.0.2", new InetSocketAddress("127.0.0.1", port))) {
            outsider.reply();
            outsider.say("HELO outsider");
            outsider.say("MAIL FROM:<spam@example.org>");
            assertEquals("550 Relaying denied", outsider.say("RCPT TO:<46701234567@elsewhere.org>"));
            assertTrue(outsider.mail("", "relayed?").startsWith("503"));
            outsider.say("RSET");
            outsider.say("MAIL FROM:<friend@example.org>");
            assertTrue(outsider.say("RCPT TO:<46701234567@sms.example.com>").startsWith("250"));
            assertEquals("250 Messaging accepted (id=7398)", outsider.mail("", "local domain"));
        }
        try (SmtpDialogue insider = new SmtpDialogue("127.0.0.1", new InetSocketAddress("127.0.0.1", port))) {
            insider.reply();
            insider.say("HELO insider");
            insider.say("MAIL FROM:<app@example.org>");
            assertTrue(insider.say("RCPT TO:<46709999999@elsewhere.org>").startsWith("250"));
            assertEquals("250 Messaging accepted (id=7399)", insider.mail("", "from inside"));
        }
        assertEquals(List.of("local domain", "from inside"), gateway.messages().stream().map(m -> m.get("MESSAGE")).toList());
    }

    @Test
    void authPlainAndLoginAgainstTheGateway() throws Exception {
        int port = start(settings(4, Optional.empty(), true, PLAIN, OPEN));
        try (SmtpDialogue smtp = new SmtpDialogue("127.0.0.1", new InetSocketAddress("127.0.0.1", port))) {
            smtp.reply();
            smtp.say("EHLO client");
            assertTrue(smtp.say("MAIL FROM:<a@example.com>").startsWith("530"));
            assertTrue(smtp.say("AUTH PLAIN " + base64("\0alice\0wrong")).startsWith("535"));
            assertTrue(smtp.say("AUTH PLAIN " + base64("\0alice\0secret")).startsWith("235"));
            smtp.say("MAIL FROM:<a@example.com>");
            smtp.say("RCPT TO:<4670@gw.example>");
            assertEquals("250 Messaging accepted (id=7398)", smtp.mail("", "as alice"));
        }
        try (SmtpDialogue smtp = new SmtpDialogue("127.0.0.1", new InetSocketAddress("127.0.0.1", port))) {
            smtp.reply();
            smtp.say("EHLO client");
            assertTrue(smtp.say("AUTH LOGIN").startsWith("334"));
            assertTrue(smtp.say(base64("alice")).startsWith("334"));
            assertTrue(smtp.say(base64("secret")).startsWith("235"));
        }
        assertEquals("alice", gateway.received.get(0).client().user());
    }

    @Test
    void anOversizeMailIs552AndTheSessionGoesOn() throws Exception {
        int port = start(settings(4, Optional.of(200), false, PLAIN, OPEN));
        try (SmtpDialogue smtp = new SmtpDialogue("127.0.0.1", new InetSocketAddress("127.0.0.1", port))) {
            smtp.reply();
            smtp.say("EHLO client");
            smtp.say("MAIL FROM:<a@example.com>");
            smtp.say("RCPT TO:<4670@gw.example>");
            assertTrue(smtp.mail("Subject: big", "", "x".repeat(300)).startsWith("552"));
            assertTrue(smtp.say("MAIL FROM:<a@example.com> SIZE=5000").startsWith("552"));
            assertTrue(smtp.say("MAIL FROM:<a@example.com>").startsWith("250"));
            smtp.say("RCPT TO:<4670@gw.example>");
            assertEquals("250 Messaging accepted (id=7398)", smtp.mail("", "small"));
        }
        assertEquals(1, gateway.messages().size());
    }

    @Test
    void refusalsCarryTheGatewaysStatusText() throws Exception {
        int port = startPlain();
        gateway.refuseWhere(m -> m.get("DESTADDR").equals("13") ? Optional.of(new GatewayException(Status.NO_ROUTE))
                : m.get("DESTADDR").equals("14") ? Optional.of(new GatewayException(Status.BLACKLISTED)) : Optional.empty());
        try (SmtpDialogue smtp = new SmtpDialogue("127.0.0.1", new InetSocketAddress("127.0.0.1", port))) {
            smtp.reply();
            smtp.say("EHLO client");
            assertEquals("554 No route", transaction(smtp, "13"));
            assertEquals("554 Blacklisted", transaction(smtp, "14"));
            gateway.refuseEverything(new GatewayException(Status.QUEUE_FULL));
            assertEquals("452 Queue full", transaction(smtp, "1"));
            gateway.refuseEverything(new GatewayException(Status.INSUFFICIENT_CREDIT));
            assertEquals("552 Insufficient credit", transaction(smtp, "1"));
        }
        assertTrue(gateway.messages().isEmpty());
    }

    @Test
    void aGatewayThatCannotTakeMessagesIsATemporaryFailure() throws Exception {
        int port = startPlain();
        gateway.unavailable();
        try (SmtpDialogue smtp = new SmtpDialogue("127.0.0.1", new InetSocketAddress("127.0.0.1", port))) {
            smtp.reply();
            smtp.say("EHLO client");
            assertTrue(transaction(smtp, "1").startsWith("451 "));
        }
    }

    @Test
    void aPausedConnectorAnswers421ToMailFromAndTakesMailAgainWhenResumed() throws Exception {
        int port = startPlain();
        gateway.pause();
        try (SmtpDialogue smtp = new SmtpDialogue("127.0.0.1", new InetSocketAddress("127.0.0.1", port))) {
            smtp.reply();
            smtp.say("EHLO client");
            String paused = smtp.say("MAIL FROM:<a@example.com>");
            assertTrue(paused.startsWith("421 "), paused);
            gateway.resume();
            assertTrue(transaction(smtp, "1").startsWith("250 "));
        }
        assertEquals(1, gateway.messages().size());
    }

    @Test
    void aConnectorPausedDuringAMailAnswers421ToItsData() throws Exception {
        int port = startPlain();
        try (SmtpDialogue smtp = new SmtpDialogue("127.0.0.1", new InetSocketAddress("127.0.0.1", port))) {
            smtp.reply();
            smtp.say("EHLO client");
            assertTrue(smtp.say("MAIL FROM:<a@example.com>").startsWith("250"));
            assertTrue(smtp.say("RCPT TO:<4670@gw.example>").startsWith("250"));
            gateway.pause();
            String reply = smtp.mail("Subject: x", "", "text");
            assertTrue(reply.startsWith("421 "), reply);
        }
        assertTrue(gateway.messages().isEmpty());
    }

    @Test
    void anUnreadableMailIsRefused() throws Exception {
        int port = startPlain();
        try (SmtpDialogue smtp = new SmtpDialogue("127.0.0.1", new InetSocketAddress("127.0.0.1", port))) {
            smtp.reply();
            smtp.say("EHLO client");
            smtp.say("MAIL FROM:<a@example.com>");
            smtp.say("RCPT TO:<4670@gw.example>");
            String reply = smtp.mail("Content-Type: multipart/mixed; boundary=\"b\"", "", "--b",
                    "Content-Type: text/plain", "Content-Transfer-Encoding: base64", "", "@@@ not base64", "--b--");
            assertTrue(reply.startsWith("554 Invalid argument"), reply);
        }
    }

    @Test
    void sessionsBeyondInstancesAre421() throws Exception {
        int port = start(settings(1, Optional.empty(), false, PLAIN, OPEN));
        try (SmtpDialogue first = new SmtpDialogue("127.0.0.1", new InetSocketAddress("127.0.0.1", port))) {
            assertTrue(first.reply().startsWith("220"));
            try (SmtpDialogue second = new SmtpDialogue("127.0.0.1", new InetSocketAddress("127.0.0.1", port))) {
                assertTrue(second.reply().startsWith("421"));
            }
            assertTrue(first.say("NOOP").startsWith("250"));
        }
    }

    @Test
    void jakartaMailClientSendsEveryKindOfMail() throws Exception {
        int port = startPlain();
        Session client = clientSession(port, new Properties());
        send(client, plain("Hello world"));
        MimeMessage qp = message(client);
        qp.setText("Grüße aus Malmö", "ISO-8859-1");
        qp.setHeader("Content-Transfer-Encoding", "quoted-printable");
        send(client, qp);
        MimeMessage b64 = message(client);
        b64.setText("Привет ✓", "UTF-8");
        b64.setHeader("Content-Transfer-Encoding", "base64");
        send(client, b64);
        MimeMultipart alternative = new MimeMultipart("alternative");
        alternative.addBodyPart(bodyPart("plain wins", "text/plain; charset=UTF-8"));
        alternative.addBodyPart(bodyPart("<p>html loses</p>", "text/html; charset=UTF-8"));
        send(client, multipart(client, alternative));
        MimeMultipart mixed = new MimeMultipart("mixed");
        mixed.addBodyPart(bodyPart("see attached", "text/plain; charset=UTF-8"));
        MimeBodyPart attachment = new MimeBodyPart();
        attachment.setContent(new byte[] {1, 2, 3}, "application/octet-stream");
        attachment.setDisposition(Part.ATTACHMENT);
        attachment.setFileName("data.bin");
        mixed.addBodyPart(attachment);
        send(client, multipart(client, mixed));
        MimeMessage html = message(client);
        html.setContent("<html><body><h1>Alert</h1><p>CPU &gt; 90%</p></body></html>", "text/html; charset=UTF-8");
        send(client, html);
        MimeMessage options = plain("with options");
        options.setHeader("X-EMG-Option-UDH", "050003CC0201");
        options.setHeader("X-EMG-Option-SOURCEADDR", "ACME");
        send(client, options);

        List<Options> messages = gateway.messages();
        assertEquals(List.of("Hello world", "Grüße aus Malmö", "Привет ✓", "plain wins", "see attached", "Alert\nCPU > 90%",
                "with options"), messages.stream().map(m -> m.get("MESSAGE")).toList());
        assertEquals("050003CC0201", messages.get(6).get("UDH"));
        assertEquals("ACME", messages.get(6).get("SOURCEADDR"));
        assertEquals("46701111111", messages.get(0).get("SOURCEADDR"));
    }

    @Test
    void subjectAndSenderComposeTheText() throws Exception {
        MailSettings composed = new MailSettings(MailType.NORMAL, true, true, " / ", false, false);
        int port = start(settings(4, Optional.empty(), false, composed, OPEN));
        Session client = clientSession(port, new Properties());
        MimeMessage mail = plain("body");
        mail.setFrom(new InternetAddress("smith@example.com", "User Smith"));
        mail.setSubject("Subject line");
        send(client, mail);
        assertEquals("User Smith / Subject line / body", gateway.messages().get(0).get("MESSAGE"));
    }

    @Test
    void startTlsWhenAKeyStoreIsConfigured() throws Exception {
        byte[] p12;
        try (InputStream in = getClass().getResourceAsStream("/smtp-tls.p12")) {
            p12 = in.readAllBytes();
        }
        ServerConfig config = ServerConfigReader.parse("server.cfg", String.join("\n", "CONNECTOR smtp-in <", "TYPE=INCOMING",
                "PROTOCOL=SMTP", "ADDRESS=127.0.0.1:2525", "KEYSTORE=smtp-tls.p12", "KEYSTOREPASSWORD=changeit", ">"),
                new FileSource() {
                    @Override
                    public String read(String name) {
                        throw new AssertionError("only the key store is read");
                    }

                    @Override
                    public byte[] readBytes(String name) {
                        return p12;
                    }
                });
        IncomingSmtpSettings configured = IncomingSmtpSettings.of(config.connector("smtp-in").orElseThrow());
        int port = start(new IncomingSmtpSettings("smtp-in", new Endpoint("127.0.0.1", 0), 4, Optional.empty(), false, PLAIN,
                OPEN, configured.keyStore()));
        Properties properties = new Properties();
        properties.setProperty("mail.smtp.starttls.enable", "true");
        properties.setProperty("mail.smtp.starttls.required", "true");
        properties.setProperty("mail.smtp.ssl.trust", "*");
        send(clientSession(port, properties), plain("over TLS"));
        assertEquals("over TLS", gateway.messages().get(0).get("MESSAGE"));

        Session noTlsOffered = clientSession(startPlainOnSecondServer(), properties);
        assertThrows(MessagingException.class, () -> send(noTlsOffered, plain("never in clear")));
    }

    @Test
    void aSessionSilentForIdleTimeoutIsClosed() throws Exception {
        int port = start(new IncomingSmtpSettings("smtp-in", new Endpoint("127.0.0.1", 0), 4, Optional.empty(), false, PLAIN,
                OPEN, Optional.empty(), 1));
        try (SmtpDialogue smtp = new SmtpDialogue("127.0.0.1", new InetSocketAddress("127.0.0.1", port))) {
            assertTrue(smtp.reply().startsWith("220 "));
            assertTrue(smtp.say("HELO client.example.com").startsWith("250 "));
            long start = System.nanoTime();
            String closing = smtp.reply();
            long waited = (System.nanoTime() - start) / 1_000_000;
            assertTrue(closing.startsWith("421"), closing);
            assertTrue(waited >= 900 && waited < 5_000, waited + " ms");
        }
    }

    private int startPlainOnSecondServer() {
        IncomingSmtpServer first = server;
        int port = startPlain();
        first.stop();
        return port;
    }

    private static String transaction(SmtpDialogue smtp, String destination) throws Exception {
        smtp.say("MAIL FROM:<a@example.com>");
        smtp.say("RCPT TO:<" + destination + "@gw.example>");
        return smtp.mail("", "text");
    }

    private static String base64(String text) {
        return java.util.Base64.getEncoder().encodeToString(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    private static Session clientSession(int port, Properties extra) {
        Properties properties = new Properties();
        properties.setProperty("mail.smtp.host", "127.0.0.1");
        properties.setProperty("mail.smtp.port", Integer.toString(port));
        properties.setProperty("mail.smtp.from", "46701111111@example.com");
        properties.putAll(extra);
        return Session.getInstance(properties);
    }

    private static void send(Session session, MimeMessage message) throws MessagingException {
        try (Transport transport = session.getTransport("smtp")) {
            transport.connect();
            transport.sendMessage(message, message.getAllRecipients());
        }
    }

    private static MimeMessage message(Session session) throws MessagingException {
        MimeMessage message = new MimeMessage(session);
        message.setFrom("46701111111@example.com");
        message.setRecipient(Message.RecipientType.TO, new InternetAddress("46702222222@gw.example"));
        message.setSubject("test");
        return message;
    }

    private static MimeMessage plain(String text) throws MessagingException {
        MimeMessage message = message(Session.getInstance(new Properties()));
        message.setText(text, "UTF-8");
        return message;
    }

    private static MimeMessage multipart(Session session, MimeMultipart content) throws MessagingException {
        MimeMessage message = message(session);
        message.setContent(content);
        return message;
    }

    private static MimeBodyPart bodyPart(String content, String type) throws MessagingException {
        MimeBodyPart part = new MimeBodyPart();
        part.setContent(content, type);
        return part;
    }
}
