package org.openemg.ejb.dispatch;

import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Connectors an operator holds: their dispatcher sends nothing, so what is routed to them stays queued
 * until they are released. Kept in memory: a restart releases every hold.
 */
@Singleton
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.SUPPORTS)
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
