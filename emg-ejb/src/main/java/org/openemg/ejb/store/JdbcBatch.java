package org.openemg.ejb.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Collection;

/**
 * One JDBC batch of a statement over a group of items, for the hot-path writes where the bench measured
 * Hibernate's per-row binding too costly (bench/RESULTS.md).
 */
final class JdbcBatch {

    /** Sets the statement's parameters for one item. */
    @FunctionalInterface
    interface RowBinder<T> {
        void bind(PreparedStatement ps, T item) throws SQLException;
    }

    private JdbcBatch() {
    }

    /**
     * The update count of each item's statement. On H2, embedded, items are executed one by one: its executeBatch
     * builds an exception with the whole stack trace on every call, which under WildFly's deep stacks cost 5% of a
     * request alone and 2.7% of WildFly's CPU for small groups (bench/RESULTS.md), and a batch saves no round trip
     * there. Elsewhere (PostgreSQL) a batch is one round trip, so several items go as one.
     */
    static <T> int[] run(Connection c, String sql, Collection<T> items, RowBinder<T> binder) throws SQLException {
        if (items.isEmpty()) {
            return new int[0];
        }
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            if (items.size() == 1 || EmbeddedH2.is(c)) {
                int[] counts = new int[items.size()];
                int i = 0;
                for (T item : items) {
                    binder.bind(ps, item);
                    counts[i++] = ps.executeUpdate();
                }
                return counts;
            }
            for (T item : items) {
                binder.bind(ps, item);
                ps.addBatch();
            }
            return ps.executeBatch();
        }
    }
}
