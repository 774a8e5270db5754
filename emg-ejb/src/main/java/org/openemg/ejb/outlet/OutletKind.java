package org.openemg.ejb.outlet;

import org.openemg.core.config.ConnectorConfig;
import org.openemg.core.config.ServerConfig;

/** One way of carrying messages on: which connectors it serves, and how to open an outlet for one. */
interface OutletKind {

    boolean serves(ConnectorConfig connector);

    Outlet open(ServerConfig config, ConnectorConfig connector);
}
