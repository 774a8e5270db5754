package org.openemg.ejb.store;

/** The incoming connector a message came in on and the user it was accepted from (null: nobody logged in). */
public record Sender(String connector, String username) {
}
