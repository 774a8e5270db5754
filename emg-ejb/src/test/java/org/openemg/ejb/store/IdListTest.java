package org.openemg.ejb.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class IdListTest {

    @ParameterizedTest(name = "literal: {0}")
    @ValueSource(booleans = {true, false})
    void aConditionNamesExactlyItsIdsWhetherLiteralOrBound(boolean literal) throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:h2:mem:" + UUID.randomUUID(), "sa", "sa")) {
            try (Statement s = c.createStatement()) {
                s.execute("CREATE TABLE t (id BIGINT PRIMARY KEY, state INT)");
                s.execute("INSERT INTO t VALUES (1, 0), (2, 0), (3, 1), (4, 0), (5, 0)");
            }
            IdList ids = new IdList(c, List.of(2L, 3L, 4L, 9L), literal);
            List<Long> found = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT id FROM t WHERE state = ? AND " + ids.condition("id")
                    + " ORDER BY id")) {
                ps.setInt(1, 0);
                ids.bind(ps, 2);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        found.add(rs.getLong(1));
                    }
                }
            }
            assertEquals(List.of(2L, 4L), found);
        }
    }
}
