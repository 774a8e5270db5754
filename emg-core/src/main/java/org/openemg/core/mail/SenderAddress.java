package org.openemg.core.mail;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * SOURCEADDR from the MAIL FROM address: its local part as a number when it is one (an optional
 * {@code +} and up to 20 digits), otherwise as an alphanumeric sender cut to the 11 characters SMS allows.
 */
public final class SenderAddress {

    private static final Pattern NUMBER = Pattern.compile("\\+?\\d{1,20}");
    private static final int ALPHANUMERIC_LENGTH = 11;

    private SenderAddress() {
    }

    public static Optional<String> of(MailAddress mailFrom) {
        String local = mailFrom.localPart().strip();
        if (local.isEmpty()) {
            return Optional.empty();
        }
        if (NUMBER.matcher(local).matches()) {
            return Optional.of(local);
        }
        return Optional.of(local.length() > ALPHANUMERIC_LENGTH ? local.substring(0, ALPHANUMERIC_LENGTH) : local);
    }
}
