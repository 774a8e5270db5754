package org.openemg.rar.jca;

import org.openemg.rar.api.LinkFigures;
import java.util.List;
import java.util.Optional;
import org.openemg.core.config.ConnectorConfig;
import org.openemg.core.config.Protocol;
import org.openemg.core.config.ServerConfig;
import org.openemg.core.message.AcceptOutcome;
import org.openemg.core.message.ClientIdentity;
import org.openemg.core.message.Options;
import org.openemg.core.message.Status;
import org.openemg.rar.api.LinkFigures;
import org.openemg.rar.api.OutgoingMessage;
import org.openemg.rar.api.SendOutcome;
import org.openemg.rar.api.SendResult;
import org.openemg.rar.smtp.IncomingSmtpServer;
import org.openemg.rar.smtp.IncomingSmtpSettings;
import org.openemg.rar.smtp.MailGateway;

/** An incoming SMTP connector as the adapter runs it: its mails and AUTH logins go to the gateway's listener. */
final class IncomingSmtpConnector implements RunningConnector {

    private final IncomingSmtpSettings settings;
    private final ListenerEndpoint listener;
    private final IncomingSmtpServer server;

    private IncomingSmtpConnector(ConnectorConfig connector, ConnectorContext context) {
        this.settings = IncomingSmtpSettings.of(connector);
        this.listener = context.listener();
        listener.serveClients(settings.connector(), Protocol.SMTP);
        this.server = new IncomingSmtpServer(settings, new ListenerGateway(settings.connector(), listener), context.threads());
    }

    static RunningConnector start(ServerConfig config, ConnectorConfig connector, ConnectorContext context) {
        IncomingSmtpConnector started = new IncomingSmtpConnector(connector, context);
        started.server.start();
        return started;
    }

    @Override
    public boolean runsWith(ServerConfig config) {
        return config.connector(settings.connector()).map(IncomingSmtpSettings::of).map(settings::equals).orElse(false);
    }

    /** No route leads to an incoming SMTP connector; should something be sent here, it fails rather than waits. */
    @Override
    public void send(List<OutgoingMessage> batch) {
        listener.record(settings.connector(), batch.stream()
                .map(m -> new SendResult(m.messageId(), SendOutcome.REJECTED, 0, null)).toList());
    }

    @Override
    public int readyCount() {
        return 0;
    }

    /** Its listener is its one link, up while it runs; clients come and go on their own. */
    @Override
    public LinkFigures figures() {
        return new LinkFigures(1, 1, 0, 0);
    }

    @Override
    public void stop() {
        server.stop();
        listener.stopServingClients(settings.connector());
    }

    private record ListenerGateway(String connector, ListenerEndpoint listener) implements MailGateway {

        @Override
        public Optional<AcceptOutcome> receive(ClientIdentity client, List<Options> messages) {
            return listener.receive(connector, client, messages);
        }

        @Override
        public boolean takesMail() {
            return listener.takesClients(connector);
        }

        @Override
        public Status login(String user, String password, String remoteAddress) {
            return listener.login(connector, user, password, remoteAddress);
        }
    }
}
