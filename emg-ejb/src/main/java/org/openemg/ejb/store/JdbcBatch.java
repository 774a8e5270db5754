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
     * The update count of each item's statement. A lone item is executed without a batch: H2 builds an exception
     * with the whole stack trace for every executeBatch, which under WildFly's deep stacks cost 5% of a request.
     */
    static <T> int[] run(Connection c, String sql, Collection<T> items, RowBinder<T> binder) throws SQLException {
        if (items.isEmpty()) {
            return new int[0];
        }
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            if (items.size() == 1) {
                binder.bind(ps, items.iterator().next());
                return new int[] {ps.executeUpdate()};
            }
            for (T item : items) {
                binder.bind(ps, item);
                ps.addBatch();
            }
            return ps.executeBatch();
        }
    }
}
