package org.openemg.core.config;

/** Connector MODE: how an outgoing SMPP connector binds. */
public enum BindMode {
    TRANSMITTER,
    RECEIVER,
    TRANSCEIVER
}
