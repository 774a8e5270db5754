package org.openemg.ejb.store;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.openemg.core.message.MessageState;

/**
 * Delivery receipts against the message table, matched by (outgoing connector, normalised SMSC id).
 * A receipt that finds no row yet (it overtook the submit_sm_resp) is kept and applied when the
 * SMSC id is recorded.
 */
@ApplicationScoped
public class Receipts {

    private static final int SUBMITTED = MessageState.SUBMITTED.code();

    @Resource(lookup = "java:jboss/datasources/EmgDS")
    private DataSource dataSource;

    /** Makes sure the connector's turn row exists; called once when its dispatcher starts. */
    public void prepareTurn(String connector) {
        String sql = "INSERT INTO emg_connector_turn (connector) SELECT ? WHERE NOT EXISTS"
                + " (SELECT 1 FROM emg_connector_turn WHERE connector = ?)";
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, connector);
            ps.setString(2, connector);
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new StoreException("preparing the receipt turn of " + connector, e);
        }
    }

    /**
     * Waits for the connector's turn until the transaction ends. Without it a receipt could miss a
     * submit result committed at the same moment, and be kept as early after that result looked for it.
     */
    public void takeTurn(String connector) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("UPDATE emg_connector_turn SET connector = connector WHERE connector = ?")) {
            ps.setString(1, connector);
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new StoreException("waiting for the receipt turn of " + connector, e);
        }
    }

    /**
     * Applies a final state to the part the SMSC id names, trying its readings best first and stopping
     * at the first that names a stored part: a repeated receipt must not fall through to another part
     * whose id happens to be the other reading. False when no reading names a stored part yet.
     */
    public boolean apply(String connector, List<String> smscIdCandidates, MessageState state, long now) {
        String update = "UPDATE emg_message SET state = ?, updated_at = ? WHERE out_connector = ? AND smsc_id = ? AND state = ?";
        String exists = "SELECT 1 FROM emg_message WHERE out_connector = ? AND smsc_id = ?";
        try (Connection c = dataSource.getConnection();
             PreparedStatement up = c.prepareStatement(update);
             PreparedStatement ex = c.prepareStatement(exists)) {
            for (String candidate : smscIdCandidates) {
                up.setInt(1, state.code());
                up.setLong(2, now);
                up.setString(3, connector);
                up.setString(4, candidate);
                up.setInt(5, SUBMITTED);
                if (up.executeUpdate() > 0) {
                    return true;
                }
                ex.setString(1, connector);
                ex.setString(2, candidate);
                try (ResultSet rs = ex.executeQuery()) {
                    if (rs.next()) {
                        return true;
                    }
                }
            }
            return false;
        } catch (SQLException e) {
            throw new StoreException("applying a receipt of " + connector, e);
        }
    }

    /** Early receipts received before {@code olderThan}, never claimed (ids from elsewhere, lost responses) are dropped. */
    public int purgeEarly(long olderThan) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("DELETE FROM emg_early_receipt WHERE received_at < ?")) {
            ps.setLong(1, olderThan);
            return ps.executeUpdate();
        } catch (SQLException e) {
            throw new StoreException("purging early receipts", e);
        }
    }

    public void keepEarly(String connector, String smscId, MessageState state, long now) {
        try (Connection c = dataSource.getConnection()) {
            // delete and insert: an upsert both H2 and PostgreSQL understand
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM emg_early_receipt WHERE out_connector = ? AND smsc_id = ?")) {
                ps.setString(1, connector);
                ps.setString(2, smscId);
                ps.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO emg_early_receipt (out_connector, smsc_id, state, received_at) VALUES (?, ?, ?, ?)")) {
                ps.setString(1, connector);
                ps.setString(2, smscId);
                ps.setInt(3, state.code());
                ps.setLong(4, now);
                ps.executeUpdate();
            }
        } catch (SQLException e) {
            throw new StoreException("keeping an early receipt of " + connector, e);
        }
    }

    /** Early receipts for SMSC ids just recorded: their states, and they are removed from the waiting list. */
    public Map<String, MessageState> takeEarly(String connector, Collection<String> smscIds) {
        Map<String, MessageState> found = new HashMap<>();
        if (smscIds.isEmpty()) {
            return found;
        }
        String in = String.join(",", Collections.nCopies(smscIds.size(), "?"));
        try (Connection c = dataSource.getConnection()) {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT smsc_id, state FROM emg_early_receipt WHERE out_connector = ? AND smsc_id IN (" + in + ")")) {
                bind(ps, connector, smscIds);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        found.put(rs.getString(1), MessageState.ofCode(rs.getInt(2)));
                    }
                }
            }
            if (!found.isEmpty()) {
                try (PreparedStatement ps = c.prepareStatement(
                        "DELETE FROM emg_early_receipt WHERE out_connector = ? AND smsc_id IN (" + in + ")")) {
                    bind(ps, connector, smscIds);
                    ps.executeUpdate();
                }
            }
            return found;
        } catch (SQLException e) {
            throw new StoreException("reading early receipts of " + connector, e);
        }
    }

    private static void bind(PreparedStatement ps, String connector, Collection<String> smscIds) throws SQLException {
        ps.setString(1, connector);
        int i = 2;
        for (String id : smscIds) {
            ps.setString(i++, id);
        }
    }
}
