package org.openemg.ejb.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A chunk of ids in a statement's condition. On embedded H2 the ids are literals of an IN list: H2 looks a row up in
 * a set of constants, while it compares each row with every parameter of a list in turn, which made a group's 500-id
 * statements quadratic (bench/RESULTS.md, DLRs); ids are numbers, so nothing can be injected. Elsewhere they are one
 * array parameter, so that PostgreSQL plans the statement once instead of once per group.
 */
final class IdList {

    private final Connection connection;
    private final List<Long> ids;
    private final boolean literal;

    IdList(Connection connection, List<Long> ids, boolean literal) {
        this.connection = connection;
        this.ids = ids;
        this.literal = literal;
    }

    static IdList of(Connection c, List<Long> ids) throws SQLException {
        return new IdList(c, ids, EmbeddedH2.is(c));
    }

    /** The condition that the column is one of the ids; it must come after every other parameter of the statement. */
    String condition(String column) {
        return literal ? column + " IN (" + ids.stream().map(String::valueOf).collect(Collectors.joining(",")) + ")"
                : column + " = ANY(?)";
    }

    /** Binds the ids, if they are a parameter, at {@code index}: the one after the statement's other parameters. */
    void bind(PreparedStatement ps, int index) throws SQLException {
        if (!literal) {
            ps.setArray(index, connection.createArrayOf("bigint", ids.toArray()));
        }
    }
}
