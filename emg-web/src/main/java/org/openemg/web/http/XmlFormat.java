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
 * EMG's XML body, without an XML declaration (UTF-8 is the default and EMG sends none):
 * {@code <response><results><result><status>0</status><msgid>..</msgid><statustext>OK</statustext></result></results><balance>..</balance></response>}.
 * A refused recipient has no {@code msgid}; {@code <parts>} is added when a message was split;
 * {@code balance} only for accounts with credit. {@code /bin/status} is
 * {@code <message><id>..</id><state>SUBMITTED</state>..</message>} with the {@link MessageFields} in lower case.
 */
public final class XmlFormat implements ResponseFormat {

    static final XmlFormat INSTANCE = new XmlFormat();

    private XmlFormat() {
    }

    @Override
    public String mediaType() {
        return "application/xml;charset=UTF-8";
    }

    @Override
    public String outcome(AcceptOutcome outcome) {
        StringBuilder sb = new StringBuilder(64 + outcome.results().size() * 96);
        sb.append("<response><results>");
        for (RecipientResult result : outcome.results()) {
            sb.append("<result><status>").append(result.status().code()).append("</status>");
            if (result.messageId() != null) {
                sb.append("<msgid>").append(result.messageId().longValue()).append("</msgid>");
            }
            sb.append("<statustext>");
            text(result.statusText(), sb);
            sb.append("</statustext>");
            if (result.parts() > 1) {
                sb.append("<parts>").append(result.parts()).append("</parts>");
            }
            sb.append("</result>");
        }
        sb.append("</results>");
        if (outcome.balance() != null) {
            sb.append("<balance>").append(outcome.balance().toPlainString()).append("</balance>");
        }
        return sb.append("</response>").toString();
    }

    @Override
    public String failure(Status status, String statusText) {
        StringBuilder sb = new StringBuilder(128);
        sb.append("<response><results><result><status>").append(status.code()).append("</status><statustext>");
        text(statusText, sb);
        return sb.append("</statustext></result></results></response>").toString();
    }

    @Override
    public String message(MessageStatus message, Optional<LastReport> lastReport, Optional<BigDecimal> balance) {
        StringBuilder sb = new StringBuilder(320).append("<message>");
        MessageFields.forEach(message, lastReport, balance, (name, value) -> {
            String element = name.toLowerCase(Locale.ROOT);
            sb.append('<').append(element).append('>');
            text(value, sb);
            sb.append("</").append(element).append('>');
        });
        return sb.append("</message>").toString();
    }

    /**
     * Appends {@code text} as XML character data; control characters XML 1.0 cannot carry at all
     * become U+FFFD rather than an unparsable document.
     */
    private static void text(String text, StringBuilder sb) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '&' -> sb.append("&amp;");
                case '"' -> sb.append("&quot;");
                case '\'' -> sb.append("&apos;");
                default -> sb.append(c < 0x20 && c != '\t' && c != '\n' && c != '\r' ? '\uFFFD' : c);
            }
        }
    }
}
