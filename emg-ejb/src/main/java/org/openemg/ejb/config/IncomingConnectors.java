package org.openemg.ejb.config;

import java.util.Optional;
import org.openemg.core.config.ConnectorConfig;

/** How a front-end (HTTP, PAP) finds the incoming connector it serves, by the port a request came in on. */
@FunctionalInterface
public interface IncomingConnectors {

    /** The incoming connector of {@code protocol} whose ADDRESS port is {@code port}, in the configuration in force. */
    Optional<ConnectorConfig> incoming(String protocol, int port);
}
