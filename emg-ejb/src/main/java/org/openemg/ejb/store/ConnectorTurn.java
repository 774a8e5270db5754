package org.openemg.ejb.store;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * One row per outgoing connector, locked for the rest of a transaction by whoever records submit
 * results or matches receipts on it, so that the two take turns.
 */
@Entity
@Table(name = "emg_connector_turn")
class ConnectorTurn {

    @Id
    @Column(length = 64)
    private String connector;

    protected ConnectorTurn() {
    }

    ConnectorTurn(String connector) {
        this.connector = connector;
    }
}
