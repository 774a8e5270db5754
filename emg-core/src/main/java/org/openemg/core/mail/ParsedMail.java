package org.openemg.core.mail;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetHeaders;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.InputStream;

/**
 * A mail parsed as {@link MimeMessage} does, but its header block read here: Jakarta Mail's
 * {@code InternetHeaders} looks its line reader up through a ServiceLoader on every parse, a fifth of
 * the CPU of an SMTP session in the bench (bench/RESULTS.md). Header bytes are read as ISO-8859-1, as
 * Jakarta Mail reads them without {@code mail.mime.allowutf8}.
 */
final class ParsedMail extends MimeMessage {

    ParsedMail(Session session, InputStream mail) throws MessagingException {
        super(session, mail);
    }

    @Override
    protected InternetHeaders createInternetHeaders(InputStream in) throws MessagingException {
        InternetHeaders headers = new InternetHeaders();
        StringBuilder logical = null;
        try {
            for (String line = readLine(in); line != null && !line.isEmpty(); line = readLine(in)) {
                boolean continuation = line.charAt(0) == ' ' || line.charAt(0) == '\t';
                if (continuation && logical != null) {
                    logical.append("\r\n").append(line);
                    continue;
                }
                if (logical != null) {
                    headers.addHeaderLine(logical.toString());
                }
                logical = new StringBuilder(continuation ? line.strip() : line);
            }
        } catch (IOException e) {
            throw new MessagingException("reading the mail's headers failed", e);
        }
        if (logical != null) {
            headers.addHeaderLine(logical.toString());
        }
        return headers;
    }

    /** One line without its end (CRLF, LF or a lone CR); null at the end of the stream. */
    private static String readLine(InputStream in) throws IOException {
        StringBuilder line = new StringBuilder(80);
        int b = in.read();
        if (b < 0) {
            return null;
        }
        while (b >= 0 && b != '\n') {
            if (b == '\r') {
                in.mark(1);
                if (in.read() != '\n') {
                    in.reset();
                }
                break;
            }
            line.append((char) b);
            b = in.read();
        }
        return line.toString();
    }
}
