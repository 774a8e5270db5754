package org.openemg.rar.jca;

import org.openemg.rar.api.LinkFigures;
import java.util.List;
import org.openemg.core.config.ConnectorConfig;
import org.openemg.core.config.ServerConfig;
import org.openemg.rar.api.LinkFigures;
import org.openemg.rar.api.OutgoingMessage;
import org.openemg.rar.smtp.OutgoingSmtpSettings;
import org.openemg.rar.smtp.SmtpRelay;

/** An outgoing SMTP connector as the adapter runs it: mails to the configured server, results to the listener. */
final class OutgoingSmtpConnector implements RunningConnector {

    private final OutgoingSmtpSettings settings;
    private final SmtpRelay relay;

    private OutgoingSmtpConnector(ConnectorConfig connector, ConnectorContext context) {
        this.settings = OutgoingSmtpSettings.of(connector);
        this.relay = new SmtpRelay(settings, context.listener(), context.threads());
    }

    static RunningConnector start(ServerConfig config, ConnectorConfig connector, ConnectorContext context) {
        OutgoingSmtpConnector started = new OutgoingSmtpConnector(connector, context);
        started.relay.start();
        return started;
    }

    @Override
    public boolean runsWith(ServerConfig config) {
        return config.connector(settings.connector()).map(OutgoingSmtpSettings::of).map(settings::equals).orElse(false);
    }

    @Override
    public void send(List<OutgoingMessage> batch) {
        relay.send(batch);
    }

    @Override
    public int readyCount() {
        return relay.readyCount();
    }

    /** Connections to the mail server that can take a mail, against INSTANCES; a mail is no window. */
    @Override
    public LinkFigures figures() {
        return new LinkFigures(Math.max(1, settings.instances()), relay.readyCount(), 0, 0);
    }

    @Override
    public void stop() {
        relay.stop();
    }
}
