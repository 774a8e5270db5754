package org.openemg.web.http;

import java.math.BigDecimal;
import java.util.Optional;
import org.openemg.core.message.AcceptOutcome;
import org.openemg.core.message.LastReport;
import org.openemg.core.message.MessageStatus;
import org.openemg.core.message.Status;

/** One of the bodies the HTTP connector answers with: {@code /bin/send}, {@code .json} or {@code .xml} (spec section 3). */
public interface ResponseFormat {

    /** The Content-Type of every body of this format. */
    String mediaType();

    /** The answer to an accepted request: one result per DESTADDR, in order, and the balance if any. */
    String outcome(AcceptOutcome outcome);

    /** The answer to a refused request: one result carrying the status. */
    String failure(Status status, String statusText);

    /**
     * The answer to {@code /bin/status}: the message's state, its last delivery report if one came, and the balance of
     * its sender's account if it has one.
     */
    String message(MessageStatus message, Optional<LastReport> lastReport, Optional<BigDecimal> balance);

    /** The format named by the path's suffix: none, {@code .json} or {@code .xml}. */
    static ResponseFormat ofSuffix(String suffix) {
        if (suffix == null || suffix.isEmpty()) {
            return TextFormat.INSTANCE;
        }
        return switch (suffix) {
            case ".json" -> JsonFormat.INSTANCE;
            case ".xml" -> XmlFormat.INSTANCE;
            default -> throw new IllegalArgumentException("no response format " + suffix);
        };
    }
}
