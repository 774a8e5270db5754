package org.openemg.rar.smtp;

import jakarta.mail.MessagingException;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The reply code a mail server refused with. Angus's SMTP exceptions carry it as a field, but their
 * classes are not visible to deployments; their message starts with the server's reply line, so it is read there.
 */
final class ServerReply {

    private static final Pattern CODE = Pattern.compile("^\\s*([2-5]\\d\\d)[ -]");

    private ServerReply() {
    }

    /** Empty when no server answered (connection refused, timed out, closed). */
    static OptionalInt code(MessagingException failure) {
        for (Throwable t = failure; t != null; t = next(t)) {
            Matcher m = CODE.matcher(String.valueOf(t.getMessage()));
            if (m.find()) {
                return OptionalInt.of(Integer.parseInt(m.group(1)));
            }
        }
        return OptionalInt.empty();
    }

    private static Throwable next(Throwable t) {
        if (t instanceof MessagingException m && m.getNextException() != null && m.getNextException() != t) {
            return m.getNextException();
        }
        return t.getCause() == t ? null : t.getCause();
    }
}
