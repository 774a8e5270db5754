package org.openemg.ejb.store;

import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import javax.sql.DataSource;

/**
 * The persisted high-water mark of a node's message ids. Each reservation commits on its own,
 * so an id handed out is never handed out again, even if the request that took it rolls back.
 */
@Stateless
public class IdBlocks {

    @Resource(lookup = "java:jboss/datasources/EmgDS")
    private DataSource dataSource;

    /** Reserves {@code size} sequence numbers of the node and returns the first. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public long reserve(int nodeId, int size) {
        try (Connection c = dataSource.getConnection()) {
            long first;
            try (PreparedStatement ps = c.prepareStatement("SELECT next_seq FROM emg_id_block WHERE node_id = ? FOR UPDATE")) {
                ps.setInt(1, nodeId);
                try (ResultSet rs = ps.executeQuery()) {
                    first = rs.next() ? rs.getLong(1) : -1;
                }
            }
            if (first < 0) {
                first = 1;
                try (PreparedStatement ps = c.prepareStatement("INSERT INTO emg_id_block (node_id, next_seq) VALUES (?, ?)")) {
                    ps.setInt(1, nodeId);
                    ps.setLong(2, first + size);
                    ps.executeUpdate();
                }
            } else {
                try (PreparedStatement ps = c.prepareStatement("UPDATE emg_id_block SET next_seq = ? WHERE node_id = ?")) {
                    ps.setLong(1, first + size);
                    ps.setInt(2, nodeId);
                    ps.executeUpdate();
                }
            }
            return first;
        } catch (SQLException e) {
            throw new StoreException("reserving message ids", e);
        }
    }
}
