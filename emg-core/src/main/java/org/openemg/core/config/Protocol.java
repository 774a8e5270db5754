package org.openemg.core.config;

/** Connector PROTOCOL. SINK is an outgoing connector that accepts everything and reports DELIVERED. */
public enum Protocol {
    HTTP,
    SMPP,
    SMTP,
    PAP,
    SINK
}
