package org.openemg.ejb.outlet;

import jakarta.resource.ResourceException;
import org.openemg.core.config.ConnectorConfig;
import org.openemg.core.config.ServerConfig;
import org.openemg.rar.api.ConnectorConnection;
import org.openemg.rar.api.ConnectorConnectionFactory;

/** Connectors the resource adapter runs and can send on, whatever their protocol: the adapter says which. */
final class AdapterKind implements OutletKind {

    private final ConnectorConnectionFactory adapter;

    AdapterKind(ConnectorConnectionFactory adapter) {
        this.adapter = adapter;
    }

    @Override
    public boolean serves(ConnectorConfig connector) {
        try (ConnectorConnection c = adapter.getConnection()) {
            return c.runs(connector);
        } catch (ResourceException e) {
            throw new IllegalStateException("cannot reach the connectors' resource adapter", e);
        }
    }

    @Override
    public Outlet open(ServerConfig config, ConnectorConfig connector) {
        return new AdapterOutlet(adapter, config, connector);
    }
}
