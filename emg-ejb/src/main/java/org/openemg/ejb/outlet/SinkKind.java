package org.openemg.ejb.outlet;

import org.openemg.core.config.ConnectorConfig;
import org.openemg.core.config.Direction;
import org.openemg.core.config.Protocol;
import org.openemg.core.config.ServerConfig;

/** Outgoing SINK connectors, carried on inside the gateway. */
final class SinkKind implements OutletKind {

    private final Settlement settlement;

    SinkKind(Settlement settlement) {
        this.settlement = settlement;
    }

    @Override
    public boolean serves(ConnectorConfig connector) {
        return connector.type() == Direction.OUTGOING && connector.protocol() == Protocol.SINK;
    }

    @Override
    public Outlet open(ServerConfig config, ConnectorConfig connector) {
        return new SinkOutlet(connector.name(), settlement);
    }
}
