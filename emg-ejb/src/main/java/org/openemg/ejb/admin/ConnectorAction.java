package org.openemg.ejb.admin;

/** What an operator's action on a connector did: {@code affected} messages (deleted, moved) where it counts. */
public record ConnectorAction(String connector, String action, int affected, String detail) {
}
