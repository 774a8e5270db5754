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

    /** The update count of each item's statement. */
    static <T> int[] run(Connection c, String sql, Collection<T> items, RowBinder<T> binder) throws SQLException {
        if (items.isEmpty()) {
            return new int[0];
        }
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (T item : items) {
                binder.bind(ps, item);
                ps.addBatch();
            }
            return ps.executeBatch();
        }
    }
}
