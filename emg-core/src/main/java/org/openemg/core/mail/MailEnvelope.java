package org.openemg.core.mail;

import java.util.List;

/** What the SMTP session said around a mail: MAIL FROM and every RCPT TO, in order. */
public record MailEnvelope(MailAddress mailFrom, List<MailAddress> recipients) {

    public MailEnvelope {
        recipients = List.copyOf(recipients);
    }
}
