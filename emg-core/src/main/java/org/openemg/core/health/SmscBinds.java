package org.openemg.core.health;

/** The binds of one outgoing SMPP connector: how many are up of those configured (INSTANCES). */
public record SmscBinds(String connector, int up, int configured) {
}
