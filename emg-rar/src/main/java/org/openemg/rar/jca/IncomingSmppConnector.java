package org.openemg.rar.jca;

import org.openemg.rar.api.LinkFigures;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Optional;
import org.openemg.core.config.ConnectorConfig;
import org.openemg.core.config.Protocol;
import org.openemg.core.config.ServerConfig;
import org.openemg.core.message.AcceptOutcome;
import org.openemg.core.message.ClientRequest;
import org.openemg.core.message.MessageStatus;
import org.openemg.core.message.Options;
import org.openemg.core.message.Status;
import org.openemg.rar.api.LinkFigures;
import org.openemg.rar.api.OutgoingMessage;
import org.openemg.rar.smpp.server.IncomingSmppSettings;
import org.openemg.rar.smpp.server.SessionGateway;
import org.openemg.rar.smpp.server.SmppServerConnector;

/** An incoming SMPP connector as the adapter runs it: its binds, submits and queries go to the gateway's listener. */
final class IncomingSmppConnector implements RunningConnector {

    private final IncomingSmppSettings settings;
    private final SmppServerConnector server;
    private final ListenerEndpoint listener;

    private IncomingSmppConnector(ConnectorConfig connector, ConnectorContext context) {
        this.settings = IncomingSmppSettings.of(connector);
        this.listener = context.listener();
        listener.serveClients(settings.connector(), Protocol.SMPP);
        this.server = new SmppServerConnector(settings, new ListenerSessions(settings.connector(), listener),
                listener, context.threads());
    }

    static RunningConnector start(ServerConfig config, ConnectorConfig connector, ConnectorContext context) {
        IncomingSmppConnector started = new IncomingSmppConnector(connector, context);
        try {
            started.server.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return started;
    }

    @Override
    public boolean runsWith(ServerConfig config) {
        return config.connector(settings.connector()).map(IncomingSmppSettings::of).map(settings::equals).orElse(false);
    }

    @Override
    public void send(List<OutgoingMessage> batch) {
        server.send(batch);
    }

    @Override
    public int readyCount() {
        return server.receiverCount();
    }

    /** Client sessions bound against INSTANCES, and their deliver_sm windows. */
    @Override
    public LinkFigures figures() {
        return new LinkFigures(settings.instances(), server.boundCount(), server.windowInUse(),
                server.boundCount() * settings.windowSize());
    }

    @Override
    public void stop() {
        server.stop();
        listener.stopServingClients(settings.connector());
    }

    private record ListenerSessions(String connector, ListenerEndpoint listener) implements SessionGateway {

        @Override
        public Status login(String user, String password, String remoteAddress) {
            return listener.login(connector, user, password, remoteAddress);
        }

        @Override
        public boolean knowsUser(String user) {
            return listener.knowsUser(connector, user);
        }

        @Override
        public Optional<List<AcceptOutcome>> receiveEach(List<ClientRequest> requests) {
            return listener.receiveEach(connector, requests);
        }

        @Override
        public Optional<MessageStatus> status(String user, long id) {
            return listener.status(connector, user, id);
        }

        @Override
        public boolean cancel(String user, long id) {
            return listener.cancel(connector, user, id);
        }

        @Override
        public boolean replace(String user, long id, Options replacement) {
            return listener.replace(connector, user, id, replacement);
        }
    }
}
