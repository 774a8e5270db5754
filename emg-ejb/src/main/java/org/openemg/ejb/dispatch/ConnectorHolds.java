package org.openemg.ejb.dispatch;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Outgoing connectors an operator holds: a held connector sends nothing, and the partners of its messages'
 * routes (FAILOVER, LB, fallbacks) take them over. Kept in memory: a restart releases every hold. A CDI bean, not an
 * EJB: as a singleton EJB each check (one per accepted request and per dispatched batch) began and committed a JTA
 * transaction of its own, 4% of the CPU of a single-recipient request (bench/RESULTS.md).
 */
@ApplicationScoped
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
