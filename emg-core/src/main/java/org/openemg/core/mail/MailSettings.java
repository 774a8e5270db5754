package org.openemg.core.mail;

import org.openemg.core.config.ConnectorConfig;
import org.openemg.core.config.MailType;

/** How an incoming SMTP connector makes messages of a mail: its DEFAULT_MSGTYPE, USE* keywords and SEPARATOR. */
public record MailSettings(MailType type, boolean useSubject, boolean useSender, String separator, boolean usePriority,
                           boolean utf8Default) {

    public static final String DEFAULT_SEPARATOR = " ";

    public static MailSettings of(ConnectorConfig connector) {
        return new MailSettings(connector.mailType(), connector.flag("USESUBJECT"), connector.flag("USESENDER"),
                connector.value("SEPARATOR").map(MailSettings::unescaped).orElse(DEFAULT_SEPARATOR),
                connector.flag("USEPRIORITY"), connector.defaultCharcodeUtf8());
    }

    /**
     * A configuration value is stripped and holds no line break, so SEPARATOR may be quoted ({@code " - "})
     * and spell a line break or tab as {@code \n} and {@code \t}.
     */
    private static String unescaped(String value) {
        String text = value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")
                ? value.substring(1, value.length() - 1) : value;
        return text.replace("\\n", "\n").replace("\\t", "\t");
    }
}
