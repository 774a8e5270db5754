package org.openemg.core.mail;

import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeUtility;
import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.regex.Pattern;
import org.openemg.core.message.OptionNames;
import org.openemg.core.message.Options;

/**
 * A message (an SMS, an MO, a DLR) written as a mail by an outgoing SMTP connector (spec section 5):
 * SOURCEADDR and DESTADDR as addresses in the connector's DOMAIN, MESSAGE as the UTF-8 body, every
 * other option as an {@code X-EMG-Option-<NAME>} header, which an incoming SMTP connector reads back.
 */
public final class SmsMail {

    private static final Pattern PLAIN_LOCAL_PART = Pattern.compile("[A-Za-z0-9.+_-]+");
    private static final Set<String> NOT_AS_HEADERS = Set.of(OptionNames.SOURCEADDR, OptionNames.DESTADDR,
            OptionNames.MESSAGE, OptionNames.PASSWORD, OptionNames.SUBJECT);
    private static final String DLR = "5";
    private static final String ANONYMOUS_SENDER = "emg";

    private SmsMail() {
    }

    /** @throws MessagingException when an address cannot be written (a DESTADDR that is no mail local part) */
    public static MimeMessage compose(Session session, Options message, String domain) throws MessagingException {
        MimeMessage mail = new MimeMessage(session);
        mail.setFrom(address(message.getOrDefault(OptionNames.SOURCEADDR, ANONYMOUS_SENDER), domain));
        mail.setRecipient(Message.RecipientType.TO, address(message.getOrDefault(OptionNames.DESTADDR, ""), domain));
        mail.setSubject(subject(message), StandardCharsets.UTF_8.name());
        mail.setText(body(message), StandardCharsets.UTF_8.name());
        for (var option : message.asMap().entrySet()) {
            if (!NOT_AS_HEADERS.contains(option.getKey())) {
                mail.setHeader(MailReader.OPTION_HEADER + option.getKey(), headerValue(option.getValue()));
            }
        }
        return mail;
    }

    /** A DESTADDR that already is a mail address is used as it is. */
    private static InternetAddress address(String who, String domain) throws MessagingException {
        if (who.isEmpty()) {
            throw new MessagingException("no DESTADDR to write a mail to");
        }
        if (who.indexOf('@') > 0) {
            return new InternetAddress(who, true);
        }
        String local = PLAIN_LOCAL_PART.matcher(who).matches() ? who : '"' + who.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
        return new InternetAddress(local + "@" + domain, true);
    }

    private static String subject(Options message) {
        if (message.has(OptionNames.SUBJECT)) {
            return message.get(OptionNames.SUBJECT);
        }
        if (DLR.equals(message.get(OptionNames.MSGTYPE))) {
            return "Delivery report for " + message.getOrDefault(OptionNames.ORIGID, "?") + ": "
                    + message.getOrDefault(OptionNames.MESSAGESTATE, "UNKNOWN");
        }
        return "SMS from " + message.getOrDefault(OptionNames.SOURCEADDR, "unknown sender");
    }

    private static String body(Options message) {
        if (message.has(OptionNames.MESSAGE)) {
            return message.get(OptionNames.MESSAGE);
        }
        return DLR.equals(message.get(OptionNames.MSGTYPE)) ? subject(message) : "";
    }

    /** Non-ASCII as an encoded word; a line break would end the header, so none is written. */
    private static String headerValue(String value) {
        String oneLine = value.replace('\r', ' ').replace('\n', ' ');
        try {
            return MimeUtility.fold(MailReader.OPTION_HEADER.length() + 20,
                    MimeUtility.encodeText(oneLine, StandardCharsets.UTF_8.name(), null));
        } catch (UnsupportedEncodingException e) {
            throw new IllegalStateException("UTF-8 is always supported", e);
        }
    }
}
