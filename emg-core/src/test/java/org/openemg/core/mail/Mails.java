package org.openemg.core.mail;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Properties;
import org.openemg.core.config.MailType;
import org.openemg.core.message.Options;

/** Mails for the tests: written out as RFC 822 text, or built with Jakarta Mail and serialised as a client would send them. */
final class Mails {

    static final Session SESSION = Session.getInstance(new Properties());
    static final MailSettings PLAIN = new MailSettings(MailType.NORMAL, false, false, " ", false, false);

    private Mails() {
    }

    static byte[] lines(String... lines) {
        return String.join("\r\n", lines).getBytes(StandardCharsets.ISO_8859_1);
    }

    static byte[] bytes(MimeMessage message) throws MessagingException, IOException {
        message.saveChanges();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        message.writeTo(out);
        return out.toByteArray();
    }

    static MailEnvelope envelope(String from, String... recipients) {
        return new MailEnvelope(MailAddress.parse(from), List.of(recipients).stream().map(MailAddress::parse).toList());
    }

    static List<Options> read(MailSettings settings, MailEnvelope envelope, byte[] mail) throws MessagingException, IOException {
        return new MailReader(settings).messages(envelope, mail);
    }

    static Options readOne(MailSettings settings, byte[] mail) throws MessagingException, IOException {
        List<Options> messages = read(settings, envelope("<46701111111@example.com>", "<46702222222@sms.example.com>"), mail);
        if (messages.size() != 1) {
            throw new AssertionError("expected one message, got " + messages);
        }
        return messages.get(0);
    }
}
