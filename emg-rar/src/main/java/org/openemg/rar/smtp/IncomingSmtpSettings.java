package org.openemg.rar.smtp;

import java.util.Optional;
import org.openemg.core.config.ConnectorConfig;
import org.openemg.core.config.Endpoint;
import org.openemg.core.config.TlsKeyStore;
import org.openemg.core.mail.MailSettings;
import org.openemg.core.mail.RelayRule;

/**
 * What an incoming SMTP connector runs with. Equal settings mean the running server can stay; a key
 * store is compared by identity, so a reloaded configuration with KEYSTORE restarts the server. A session
 * silent for IDLETIMEOUT seconds is closed (60 without it).
 */
public record IncomingSmtpSettings(String connector, Endpoint address, int instances, Optional<Integer> maxMessageSize,
                                   boolean authRequired, MailSettings mail, RelayRule relay, Optional<TlsKeyStore> keyStore,
                                   int idleTimeoutSeconds) {

    public static final int DEFAULT_PORT = 25;
    public static final int DEFAULT_IDLE_TIMEOUT_SECONDS = 60;

    public IncomingSmtpSettings(String connector, Endpoint address, int instances, Optional<Integer> maxMessageSize,
                                boolean authRequired, MailSettings mail, RelayRule relay, Optional<TlsKeyStore> keyStore) {
        this(connector, address, instances, maxMessageSize, authRequired, mail, relay, keyStore,
                DEFAULT_IDLE_TIMEOUT_SECONDS);
    }

    public static IncomingSmtpSettings of(ConnectorConfig connector) {
        return new IncomingSmtpSettings(connector.name(),
                connector.address().orElse(new Endpoint("", DEFAULT_PORT)),
                connector.intValue("INSTANCES", 100),
                connector.maxMessageSize(),
                connector.users().isPresent(),
                MailSettings.of(connector),
                RelayRule.of(connector),
                connector.keyStore(),
                idleTimeout(connector.intValue("IDLETIMEOUT", 0)));
    }

    /** IDLETIMEOUT=0 keeps the default: a session is never left open for good. */
    private static int idleTimeout(int seconds) {
        return seconds > 0 ? seconds : DEFAULT_IDLE_TIMEOUT_SECONDS;
    }
}
