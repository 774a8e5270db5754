package org.openemg.core.config;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** A checked, immutable server.cfg with the users, routing and blacklist files it names. */
public final class ServerConfig {

    /** CMREXPIRE when not given: seconds the parts of an incoming long message wait for the rest. */
    public static final int DEFAULT_CMR_EXPIRE_SECONDS = 60;

    private final Map<String, List<String>> general;
    private final Map<String, ConnectorConfig> connectors;
    private final Map<String, ConnectorGroup> groups;
    private final RoutingTable routing;
    private final Blacklist blacklist;

    ServerConfig(Map<String, List<String>> general, Map<String, ConnectorConfig> connectors,
            Map<String, ConnectorGroup> groups, RoutingTable routing, Blacklist blacklist) {
        this.general = general;
        this.connectors = connectors;
        this.groups = groups;
        this.routing = routing;
        this.blacklist = blacklist;
    }

    public int nodeId() {
        return general("NODEID").map(Integer::parseInt).orElse(0);
    }

    public int cmrExpireSeconds() {
        return general("CMREXPIRE").map(Integer::parseInt).orElse(DEFAULT_CMR_EXPIRE_SECONDS);
    }

    /** How long final messages stay in the message log; zero (the default) keeps them for ever. */
    public Duration retention() {
        return general("RETENTION").map(RetentionPeriod::parse).orElse(Duration.ZERO);
    }

    /** The connectors in the order of the file. */
    public List<ConnectorConfig> connectors() {
        return List.copyOf(connectors.values());
    }

    public Optional<ConnectorConfig> connector(String name) {
        return Optional.ofNullable(connectors.get(name));
    }

    /** The incoming connector of {@code protocol} (any case) whose ADDRESS port is {@code port}: how a front-end knows itself. */
    public Optional<ConnectorConfig> incoming(String protocol, int port) {
        for (ConnectorConfig connector : connectors.values()) {
            if (connector.type() == Direction.INCOMING && connector.protocol().name().equalsIgnoreCase(protocol)
                    && connector.address().map(address -> address.port() == port).orElse(false)) {
                return Optional.of(connector);
            }
        }
        return Optional.empty();
    }

    public List<ConnectorGroup> groups() {
        return List.copyOf(groups.values());
    }

    public Optional<ConnectorGroup> group(String name) {
        return Optional.ofNullable(groups.get(name));
    }

    public RoutingTable routing() {
        return routing;
    }

    public Blacklist blacklist() {
        return blacklist;
    }

    /** The last value of a general keyword. */
    public Optional<String> general(String key) {
        List<String> all = generalValues(key);
        return all.isEmpty() ? Optional.empty() : Optional.of(all.get(all.size() - 1));
    }

    public List<String> generalValues(String key) {
        return general.getOrDefault(key.toUpperCase(Locale.ROOT), List.of());
    }

    @Override
    public String toString() {
        return "ServerConfig[node " + nodeId() + ", connectors " + connectors.keySet()
                + ", groups " + groups.keySet() + "]";
    }
}
