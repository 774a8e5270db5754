package org.openemg.ejb.store;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * Whether the store is H2 in WildFly's own process, where a statement costs no round trip and H2's planner has its
 * limits (an index's first column only for an IN list or ANY); elsewhere (PostgreSQL) a round trip is what to save.
 */
final class EmbeddedH2 {

    private static volatile Boolean embedded;

    private EmbeddedH2() {
    }

    /** Asked once: a deployment talks to one database. */
    static boolean is(Connection c) throws SQLException {
        Boolean h2 = embedded;
        if (h2 == null) {
            String url = c.getMetaData().getURL();
            h2 = url.startsWith("jdbc:h2:") && !url.startsWith("jdbc:h2:tcp:") && !url.startsWith("jdbc:h2:ssl:");
            embedded = h2;
        }
        return h2;
    }

    /** The same, asking the database through {@code sessions} only the first time. */
    static boolean is(StoreSessions sessions) {
        Boolean h2 = embedded;
        return h2 != null ? h2 : sessions.jdbc("asking which database the store is", EmbeddedH2::is);
    }
}
