package org.openemg.core.mail;

import java.util.Locale;

/**
 * An envelope address (MAIL FROM, RCPT TO) split at its last {@code @}; the angle brackets and
 * parameters of the SMTP command line may still be around it. The null sender {@code <>} is empty.
 */
public record MailAddress(String localPart, String domain) {

    public static MailAddress parse(String text) {
        String address = text == null ? "" : text.strip();
        int open = address.indexOf('<');
        if (open >= 0) {
            int close = address.indexOf('>', open);
            address = address.substring(open + 1, close < 0 ? address.length() : close);
        }
        int at = address.lastIndexOf('@');
        if (at < 0) {
            return new MailAddress(unquoted(address), "");
        }
        return new MailAddress(unquoted(address.substring(0, at)), address.substring(at + 1).toLowerCase(Locale.ROOT));
    }

    private static String unquoted(String localPart) {
        if (localPart.length() >= 2 && localPart.startsWith("\"") && localPart.endsWith("\"")) {
            return localPart.substring(1, localPart.length() - 1);
        }
        return localPart;
    }

    public boolean isEmpty() {
        return localPart.isEmpty() && domain.isEmpty();
    }

    @Override
    public String toString() {
        return domain.isEmpty() ? localPart : localPart + "@" + domain;
    }
}
