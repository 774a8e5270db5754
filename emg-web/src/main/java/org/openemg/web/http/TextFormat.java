package org.openemg.web.http;

import java.math.BigDecimal;
import java.util.Optional;
import org.openemg.core.message.AcceptOutcome;
import org.openemg.core.message.LastReport;
import org.openemg.core.message.MessageStatus;
import org.openemg.core.message.RecipientResult;
import org.openemg.core.message.Status;

/**
 * Plain text, one line per item, each ended by '\n'.
 * <p>
 * {@code /bin/send}: per DESTADDR the message id, or {@code ERR <status> <statustext>}; the
 * balance is not shown (EMG's format has no place for it).
 * <p>
 * {@code /bin/status}: one {@code NAME=value} line per field of {@link MessageFields}, times
 * ISO-8601 UTC:
 * <pre>
 * ID=10000000000042
 * STATE=SUBMITTED
 * CONNECTOR=http-in
 * OUTCONNECTOR=smpp-out
 * SMSCID=0a1b2c
 * ATTEMPTS=1
 * CREATED=2025-01-31T12:00:00Z
 * UPDATED=2025-01-31T12:00:01Z
 * </pre>
 */
public final class TextFormat implements ResponseFormat {

    static final TextFormat INSTANCE = new TextFormat();

    private TextFormat() {
    }

    @Override
    public String mediaType() {
        return "text/plain;charset=UTF-8";
    }

    @Override
    public String outcome(AcceptOutcome outcome) {
        StringBuilder sb = new StringBuilder(outcome.results().size() * 16);
        for (RecipientResult result : outcome.results()) {
            if (result.messageId() != null) {
                sb.append(result.messageId().longValue()).append('\n');
            } else {
                error(result.status(), result.statusText(), sb);
            }
        }
        return sb.toString();
    }

    @Override
    public String failure(Status status, String statusText) {
        return error(status, statusText, new StringBuilder(32)).toString();
    }

    @Override
    public String message(MessageStatus message, Optional<LastReport> lastReport, Optional<BigDecimal> balance) {
        StringBuilder sb = new StringBuilder(192);
        MessageFields.forEach(message, lastReport, balance, (name, value) -> {
            sb.append(name).append('=');
            line(value, sb);
            sb.append('\n');
        });
        return sb.toString();
    }

    private static StringBuilder error(Status status, String statusText, StringBuilder sb) {
        sb.append("ERR ").append(status.code()).append(' ');
        line(statusText, sb);
        return sb.append('\n');
    }

    /** Appends {@code text} with line breaks turned into spaces, so one item stays one line. */
    private static void line(String text, StringBuilder sb) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            sb.append(c == '\n' || c == '\r' ? ' ' : c);
        }
    }
}
