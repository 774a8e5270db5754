package org.openemg.rar.smtp;

import java.util.Optional;
import org.openemg.core.config.ConnectorConfig;
import org.openemg.core.config.Endpoint;

/**
 * What an outgoing SMTP connector runs with: the mail server (ADDRESS), its login if it wants one
 * (USERNAME, PASSWORD), the DOMAIN of the addresses it writes, and INSTANCES connections.
 * {@link #toString()} leaves the password out.
 */
public record OutgoingSmtpSettings(String connector, Endpoint server, String domain, Optional<String> username,
                                   Optional<String> password, int instances) {

    public static OutgoingSmtpSettings of(ConnectorConfig connector) {
        Endpoint server = connector.address().orElseThrow(() -> new IllegalArgumentException(
                "outgoing SMTP connector " + connector.name() + " has no ADDRESS (the mail server, host:port)"));
        return new OutgoingSmtpSettings(connector.name(), server, connector.domain().orElse(server.host()),
                connector.username(), connector.password(), connector.instances());
    }

    @Override
    public String toString() {
        return "OutgoingSmtpSettings[" + connector + " " + server.host() + ":" + server.port() + " " + domain + "]";
    }
}
