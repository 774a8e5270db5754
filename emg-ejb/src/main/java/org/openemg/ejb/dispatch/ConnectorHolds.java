package org.openemg.ejb.dispatch;

import jakarta.ejb.Lock;
import jakarta.ejb.LockType;
import jakarta.ejb.Singleton;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Outgoing connectors an operator holds: a held connector sends nothing, and the partners of its messages'
 * routes (FAILOVER, LB, fallbacks) take them over. Kept in memory: a restart releases every hold.
 */
@Singleton
@Lock(LockType.READ)
public class ConnectorHolds {

    private final Set<String> held = ConcurrentHashMap.newKeySet();

    public void hold(String connector) {
        held.add(connector);
    }

    public void unhold(String connector) {
        held.remove(connector);
    }

    public boolean isHeld(String connector) {
        return held.contains(connector);
    }
}
