package org.openemg.rar.smpp.client;

import java.io.Serializable;
import org.openemg.core.config.BindMode;
import org.openemg.core.config.ConnectorConfig;
import org.openemg.core.config.Endpoint;

/**
 * What an outgoing SMPP connector needs to bind: the SMSC address, INSTANCES binds of MODE,
 * credentials, WINDOWSIZE unacknowledged submits per bind, enquire_link every KEEPALIVE seconds, at most
 * THROUGHPUT submit_sm a second over all binds (0: no limit).
 */
public record OutgoingSmppSettings(String connector, String host, int port, int instances, BindMode mode,
                                   String systemId, String password, String systemType,
                                   int windowSize, int keepAliveSeconds, double throughput) implements Serializable {

    public OutgoingSmppSettings(String connector, String host, int port, int instances, BindMode mode, String systemId,
                                String password, String systemType, int windowSize, int keepAliveSeconds) {
        this(connector, host, port, instances, mode, systemId, password, systemType, windowSize, keepAliveSeconds, 0);
    }

    /** The settings of an outgoing SMPP connector of server.cfg; it needs ADDRESS=host:port. */
    public static OutgoingSmppSettings of(ConnectorConfig c) {
        Endpoint address = c.address().orElseThrow(
                () -> new IllegalArgumentException("connector " + c.name() + ": outgoing SMPP needs ADDRESS=host:port"));
        return new OutgoingSmppSettings(c.name(), address.host(), address.port(), c.instances(), c.mode(),
                c.username().orElse(""), c.password().orElse(""), c.systemType().orElse(""), c.windowSize(),
                c.keepAliveSeconds(), c.value("THROUGHPUT").map(Double::parseDouble).orElse(0.0));
    }

    @Override
    public String toString() {
        return "OutgoingSmppSettings[" + connector + " " + host + ":" + port + " instances=" + instances
                + " mode=" + mode + " systemId=" + systemId + " window=" + windowSize + " keepalive=" + keepAliveSeconds
                + " throughput=" + throughput + "]";
    }
}
