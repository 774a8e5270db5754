package org.openemg.core.mail;

import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.ContentType;
import jakarta.mail.internet.MimeUtility;
import jakarta.mail.internet.ParseException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.UnsupportedCharsetException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.openemg.core.text.TextInput;

/**
 * The text of a mail as an SMS carries it: text/plain preferred over text/html (reduced to text),
 * every other part (attachments, images, forwarded mails) dropped; transfer encodings and charsets
 * decoded. A part without a charset is read as the connector's DEFAULT_CHARCODE_TEXT says.
 */
final class MailBody {

    private final boolean utf8Default;

    MailBody(boolean utf8Default) {
        this.utf8Default = utf8Default;
    }

    /** Empty when the mail has no text at all. */
    Optional<String> text(Part part) throws MessagingException, IOException {
        if (isAttachment(part)) {
            return Optional.empty();
        }
        if (part.isMimeType("text/plain")) {
            return Optional.of(decoded(part));
        }
        if (part.isMimeType("text/html")) {
            return Optional.of(HtmlText.of(decoded(part)));
        }
        if (part.isMimeType("multipart/alternative")) {
            return alternative((Multipart) part.getContent());
        }
        if (part.isMimeType("multipart/*")) {
            return together((Multipart) part.getContent());
        }
        return Optional.empty();
    }

    /** The plain alternative if there is one, else the first that has text (HTML, or a nested multipart). */
    private Optional<String> alternative(Multipart alternatives) throws MessagingException, IOException {
        for (int i = 0; i < alternatives.getCount(); i++) {
            Part candidate = alternatives.getBodyPart(i);
            if (candidate.isMimeType("text/plain") && !isAttachment(candidate)) {
                return text(candidate);
            }
        }
        for (int i = 0; i < alternatives.getCount(); i++) {
            Optional<String> text = text(alternatives.getBodyPart(i));
            if (text.isPresent()) {
                return text;
            }
        }
        return Optional.empty();
    }

    /** Every text part of a mixed (or related) multipart, in order, one paragraph each. */
    private Optional<String> together(Multipart parts) throws MessagingException, IOException {
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < parts.getCount(); i++) {
            text(parts.getBodyPart(i)).filter(t -> !t.isBlank()).ifPresent(texts::add);
        }
        return texts.isEmpty() ? Optional.empty() : Optional.of(String.join("\n\n", texts));
    }

    private static boolean isAttachment(Part part) throws MessagingException {
        return Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition());
    }

    private String decoded(Part part) throws MessagingException, IOException {
        byte[] raw;
        try (InputStream in = part.getInputStream()) {
            raw = in.readAllBytes();
        }
        return charset(part).map(cs -> new String(raw, cs)).orElseGet(() -> TextInput.decode(raw, utf8Default));
    }

    /** The part's declared charset when Java knows it; a missing or unknown one falls back to the connector's default. */
    private static Optional<Charset> charset(Part part) throws MessagingException {
        String name;
        try {
            name = new ContentType(part.getContentType()).getParameter("charset");
        } catch (ParseException e) {
            return Optional.empty();
        }
        if (name == null || name.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Charset.forName(MimeUtility.javaCharset(name.strip())));
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
            return Optional.empty();
        }
    }
}
