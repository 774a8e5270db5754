package org.openemg.rar.smtp;

import java.util.List;
import org.openemg.rar.api.SendResult;

/** Where an outgoing SMTP connector reports how its mails went, one call per batch it sent. */
public interface MailResults {

    void record(String connector, List<SendResult> results);
}
