package org.openemg.rar.jca;

import java.util.List;
import org.openemg.core.config.ConnectorConfig;
import org.openemg.core.config.ServerConfig;
import org.openemg.rar.api.ConnectorConnection;
import org.openemg.rar.api.LinkFigures;
import org.openemg.rar.api.OutgoingMessage;
import org.openemg.rar.api.SubmitLatencies;

/** The handle an EJB holds between getConnection() and close(). */
public final class ConnectorConnectionHandle implements ConnectorConnection {

    private volatile ConnectorManagedConnection managed;

    ConnectorConnectionHandle(ConnectorManagedConnection managed) {
        this.managed = managed;
    }

    void associate(ConnectorManagedConnection newManaged) {
        this.managed = newManaged;
    }

    private RunningConnectors connectors() {
        ConnectorManagedConnection current = managed;
        if (current == null) {
            throw new IllegalStateException("connector connection handle used after close()");
        }
        return current.connectors();
    }

    @Override
    public boolean runs(ConnectorConfig connector) {
        return connectors().runs(connector);
    }

    @Override
    public void open(ServerConfig config, String connector) {
        connectors().open(config, connector);
    }

    @Override
    public void shutdown(String connector) {
        connectors().shutdown(connector);
    }

    @Override
    public void send(String connector, List<OutgoingMessage> batch) {
        connectors().send(connector, batch);
    }

    @Override
    public int readyCount(String connector) {
        return connectors().readyCount(connector);
    }

    @Override
    public LinkFigures figures(String connector) {
        return connectors().figures(connector);
    }

    @Override
    public void observe(SubmitLatencies latencies) {
        connectors().observe(latencies);
    }

    @Override
    public void close() {
        ConnectorManagedConnection current = managed;
        managed = null;
        if (current != null) {
            current.closed(this);
        }
    }
}
