package org.openemg.rar.jca;

import org.openemg.rar.api.LinkFigures;
import java.util.List;
import org.openemg.core.config.ConnectorConfig;
import org.openemg.core.config.ServerConfig;
import org.openemg.rar.api.LinkFigures;
import org.openemg.rar.api.OutgoingMessage;
import org.openemg.rar.http.OutgoingHttpSettings;
import org.openemg.rar.http.UrlCaller;

/** An outgoing HTTP connector as the adapter runs it: calls to its URL, results to the listener. */
final class OutgoingHttpConnector implements RunningConnector {

    private final OutgoingHttpSettings settings;
    private final UrlCaller caller;

    private OutgoingHttpConnector(ConnectorConfig connector, ConnectorContext context) {
        this.settings = OutgoingHttpSettings.of(connector);
        this.caller = new UrlCaller(settings, context.listener(), context.threads());
    }

    static RunningConnector start(ServerConfig config, ConnectorConfig connector, ConnectorContext context) {
        OutgoingHttpConnector started = new OutgoingHttpConnector(connector, context);
        started.caller.start();
        return started;
    }

    @Override
    public boolean runsWith(ServerConfig config) {
        return config.connector(settings.connector()).map(OutgoingHttpSettings::of).map(settings::equals).orElse(false);
    }

    @Override
    public void send(List<OutgoingMessage> batch) {
        caller.send(batch);
    }

    @Override
    public int readyCount() {
        return caller.readyCount();
    }

    /** A URL has no bind: one link, up while the caller runs; calls under way are not counted. */
    @Override
    public LinkFigures figures() {
        return new LinkFigures(1, caller.readyCount(), 0, 0);
    }

    @Override
    public void stop() {
        caller.stop();
    }
}
