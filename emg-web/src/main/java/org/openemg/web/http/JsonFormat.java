package org.openemg.web.http;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.Optional;
import org.openemg.core.message.AcceptOutcome;
import org.openemg.core.message.LastReport;
import org.openemg.core.message.MessageStatus;
import org.openemg.core.message.RecipientResult;
import org.openemg.core.message.Status;

/**
 * EMG's JSON body, every value a string:
 * {@code {"results":[{"status":"0","msgid":"25629515","statustext":"OK"}],"balance":"956489.1699"}}.
 * A refused recipient has no {@code msgid}; {@code "parts"} is added when a message was split;
 * {@code balance} only for accounts with credit. {@code /bin/status} is one object of the
 * {@link MessageFields} in lower case: {@code {"id":"..","state":"SUBMITTED",..}}.
 * Written by hand: a few fixed keys do not need a JSON library's per-call setup.
 */
public final class JsonFormat implements ResponseFormat {

    static final JsonFormat INSTANCE = new JsonFormat();

    private JsonFormat() {
    }

    @Override
    public String mediaType() {
        return "application/json;charset=UTF-8";
    }

    @Override
    public String outcome(AcceptOutcome outcome) {
        StringBuilder sb = new StringBuilder(32 + outcome.results().size() * 64);
        sb.append("{\"results\":[");
        boolean first = true;
        for (RecipientResult result : outcome.results()) {
            if (!first) {
                sb.append(',');
            }
            first = false;
            sb.append("{\"status\":\"").append(result.status().code()).append('"');
            if (result.messageId() != null) {
                sb.append(",\"msgid\":\"").append(result.messageId().longValue()).append('"');
            }
            sb.append(",\"statustext\":");
            string(result.statusText(), sb);
            if (result.parts() > 1) {
                sb.append(",\"parts\":\"").append(result.parts()).append('"');
            }
            sb.append('}');
        }
        sb.append(']');
        if (outcome.balance() != null) {
            sb.append(",\"balance\":\"").append(outcome.balance().toPlainString()).append('"');
        }
        return sb.append('}').toString();
    }

    @Override
    public String failure(Status status, String statusText) {
        StringBuilder sb = new StringBuilder(64);
        sb.append("{\"results\":[{\"status\":\"").append(status.code()).append("\",\"statustext\":");
        string(statusText, sb);
        return sb.append("}]}").toString();
    }

    @Override
    public String message(MessageStatus message, Optional<LastReport> lastReport, Optional<BigDecimal> balance) {
        StringBuilder sb = new StringBuilder(256).append('{');
        MessageFields.forEach(message, lastReport, balance, (name, value) -> {
            if (sb.length() > 1) {
                sb.append(',');
            }
            string(name.toLowerCase(Locale.ROOT), sb);
            sb.append(':');
            string(value, sb);
        });
        return sb.append('}').toString();
    }

    /** Appends {@code text} as a JSON string literal (RFC 8259 escapes). */
    private static void string(String text, StringBuilder sb) {
        sb.append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default -> {
                    if (c < 0x20) {
                        sb.append("\\u00").append(Character.forDigit(c >> 4, 16)).append(Character.forDigit(c & 0xf, 16));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        sb.append('"');
    }
}
