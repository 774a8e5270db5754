package org.openemg.core.mail;

import jakarta.mail.Address;
import jakarta.mail.Header;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeUtility;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UnsupportedEncodingException;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Properties;
import org.openemg.core.config.MailType;
import org.openemg.core.message.OptionNames;
import org.openemg.core.message.Options;
import org.openemg.core.text.TextInput;

/**
 * The messages an incoming mail becomes (spec section 5, the seed page's "Using an SMTP connector"):
 * one per RCPT TO, DESTADDR its local part; SOURCEADDR from MAIL FROM; MESSAGE the mail's text, with
 * the sender and subject in front where USESENDER and USESUBJECT say; PRIORITY from X-Priority with
 * USEPRIORITY; and last every {@code X-EMG-Option-<OPTION>:} header, which overrides all of these.
 */
public final class MailReader {

    static final String OPTION_HEADER = "X-EMG-Option-";
    private static final Session PARSING = Session.getInstance(parsingProperties());

    private final MailSettings settings;
    private final MailBody body;

    public MailReader(MailSettings settings) {
        this.settings = settings;
        this.body = new MailBody(settings.utf8Default());
    }

    private static Properties parsingProperties() {
        Properties properties = new Properties();
        properties.setProperty("mail.mime.address.strict", "false");
        properties.setProperty("mail.mime.decodetext.strict", "false");
        return properties;
    }

    /**
     * @throws MessagingException when the mail cannot be parsed as RFC 822 or MIME
     */
    public List<Options> messages(MailEnvelope envelope, byte[] mail) throws MessagingException, IOException {
        MimeMessage parsed = new ParsedMail(PARSING, new ByteArrayInputStream(mail));
        Options common = new Options();
        SenderAddress.of(envelope.mailFrom()).ifPresent(s -> common.set(OptionNames.SOURCEADDR, s));
        String subject = parsed.getSubject();
        if (subject != null && !subject.isBlank()) {
            common.set(OptionNames.SUBJECT, subject.strip());
        }
        common.set(OptionNames.MESSAGE, settings.type() == MailType.EMAIL ? content(parsed) : smsText(parsed, envelope));
        if (settings.usePriority()) {
            priority(parsed).ifPresent(p -> common.set(OptionNames.PRIORITY, p));
        }
        Options overrides = optionHeaders(parsed);
        overrides.asMap().forEach(common::set);

        if (overrides.has(OptionNames.DESTADDR)) {
            return List.of(common);
        }
        List<Options> messages = new ArrayList<>(envelope.recipients().size());
        for (MailAddress recipient : envelope.recipients()) {
            messages.add(common.copy().set(OptionNames.DESTADDR, recipient.localPart()));
        }
        return messages;
    }

    /** DEFAULT_MSGTYPE=EMAIL: the body as it came, nothing dropped or converted. */
    private String content(MimeMessage parsed) throws MessagingException, IOException {
        try (InputStream raw = parsed.getRawInputStream()) {
            return TextInput.decode(raw.readAllBytes(), settings.utf8Default());
        }
    }

    private String smsText(MimeMessage parsed, MailEnvelope envelope) throws MessagingException, IOException {
        List<String> pieces = new ArrayList<>(3);
        if (settings.useSender()) {
            pieces.add(sender(parsed, envelope));
        }
        if (settings.useSubject() && parsed.getSubject() != null && !parsed.getSubject().isBlank()) {
            pieces.add(parsed.getSubject().strip());
        }
        body.text(parsed).map(MailReader::tidy).filter(t -> !t.isEmpty()).ifPresent(pieces::add);
        return String.join(settings.separator(), pieces);
    }

    /** Line ends as one LF, no white space at the ends: what a phone shows well. */
    private static String tidy(String text) {
        return text.replace("\r\n", "\n").replace('\r', '\n').replaceAll("[ \\t]+\n", "\n").strip();
    }

    /** The From header's display name, else its address; a mail without From names the envelope sender. */
    private static String sender(MimeMessage parsed, MailEnvelope envelope) throws MessagingException {
        Address[] from;
        try {
            from = parsed.getFrom();
        } catch (MessagingException unparsable) {
            from = null;
        }
        if (from != null && from.length > 0 && from[0] instanceof InternetAddress address) {
            String personal = address.getPersonal();
            return personal != null && !personal.isBlank() ? personal.strip() : address.getAddress();
        }
        return envelope.mailFrom().toString();
    }

    /** X-Priority 1 (highest) and 2 (high) raise PRIORITY to 2 and 1; 3 to 5 leave it normal. */
    private static Optional<String> priority(MimeMessage parsed) throws MessagingException {
        String header = parsed.getHeader("X-Priority", null);
        if (header == null || header.isBlank()) {
            return Optional.empty();
        }
        return switch (header.strip().charAt(0)) {
            case '1' -> Optional.of("2");
            case '2' -> Optional.of("1");
            default -> Optional.empty();
        };
    }

    /** {@code X-EMG-Option-<OPTION>:} headers, option names upper-cased; a PASSWORD is never taken from a mail. */
    private static Options optionHeaders(MimeMessage parsed) throws MessagingException {
        Options options = new Options();
        Enumeration<Header> headers = parsed.getAllHeaders();
        while (headers.hasMoreElements()) {
            Header header = headers.nextElement();
            String name = header.getName();
            if (name.length() > OPTION_HEADER.length() && name.regionMatches(true, 0, OPTION_HEADER, 0, OPTION_HEADER.length())) {
                String option = name.substring(OPTION_HEADER.length()).strip().toUpperCase(Locale.ROOT);
                if (!option.equals(OptionNames.PASSWORD)) {
                    options.set(option, headerValue(header.getValue()));
                }
            }
        }
        return options;
    }

    private static String headerValue(String raw) {
        String unfolded = MimeUtility.unfold(raw == null ? "" : raw);
        try {
            return MimeUtility.decodeText(unfolded).strip();
        } catch (UnsupportedEncodingException e) {
            return unfolded.strip();
        }
    }
}
