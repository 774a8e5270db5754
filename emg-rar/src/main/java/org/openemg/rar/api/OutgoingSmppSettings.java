package org.openemg.rar.api;

import java.io.Serializable;

/**
 * What an outgoing SMPP connector needs to bind: the SMSC address, INSTANCES binds of MODE,
 * credentials, WINDOWSIZE unacknowledged submits per bind, enquire_link every KEEPALIVE seconds.
 */
public record OutgoingSmppSettings(String connector, String host, int port, int instances, BindMode mode,
                                   String systemId, String password, String systemType,
                                   int windowSize, int keepAliveSeconds) implements Serializable {

    public enum BindMode { TRANSMITTER, RECEIVER, TRANSCEIVER }

    @Override
    public String toString() {
        return "OutgoingSmppSettings[" + connector + " " + host + ":" + port + " instances=" + instances
                + " mode=" + mode + " systemId=" + systemId + " window=" + windowSize + " keepalive=" + keepAliveSeconds + "]";
    }
}
