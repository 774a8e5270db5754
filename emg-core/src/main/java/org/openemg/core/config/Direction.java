package org.openemg.core.config;

/** Connector TYPE: INCOMING accepts connections, OUTGOING opens them. */
public enum Direction {
    INCOMING,
    OUTGOING
}
