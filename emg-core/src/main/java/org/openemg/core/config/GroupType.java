package org.openemg.core.config;

/** CONNECTORGROUP TYPE: LB spreads by weight, FAILOVER tries the members in order. */
public enum GroupType {
    LB,
    FAILOVER
}
