package org.openemg.ejb.store;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.openemg.core.message.MessageState;

/**
 * Delivery receipts against the message table, matched by (outgoing connector, normalised SMSC id).
 * A receipt that finds no row yet (it overtook the submit_sm_resp) is kept and applied when the
 * SMSC id is recorded. Taking the turn and the early receipts, with every group of submit results,
 * are plain JDBC on the session's connection: through Hibernate each cost more than 10% more, as
 * measured (bench/RESULTS.md).
 */
@ApplicationScoped
public class Receipts {

    @Inject
    StoreSessions sessions;

    /** Makes sure the connector's turn row exists; called once when its dispatcher starts. */
    public void prepareTurn(String connector) {
        sessions.write("preparing the receipt turn of " + connector, session -> {
            if (session.get(ConnectorTurn.class, connector) == null) {
                session.insert(new ConnectorTurn(connector));
            }
        });
    }

    /**
     * Waits for the connector's turn until the transaction ends. Without it a receipt could miss a
     * submit result committed at the same moment, and be kept as early after that result looked for it.
     */
    public void takeTurn(String connector) {
        String sql = "UPDATE emg_connector_turn SET connector = connector WHERE connector = ?";
        sessions.jdbc("waiting for the receipt turn of " + connector, c -> {
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                ps.setString(1, connector);
                return ps.executeUpdate();
            }
        });
    }

    /**
     * Applies a receipt to the submitted part the SMSC id names (its state, and the receipt as its last report),
     * trying the id's readings best first and stopping at the first that names a stored part: a repeated receipt
     * must not fall through to another part whose id happens to be the other reading. False when no reading
     * names a stored part yet.
     */
    public boolean apply(String connector, List<String> smscIdCandidates, PartReport receipt) {
        return sessions.writeAndGet("applying a receipt of " + connector, session -> {
            for (String candidate : smscIdCandidates) {
                int applied = session.createMutationQuery("update MessagePart p set p.state = :state, p.updatedAt = :now,"
                                + " p.reportState = :reportState, p.reportAt = :now, p.reportError = :error"
                                + " where p.outConnector = :connector and p.smscId = :smscId and p.state = :submitted")
                        .setParameter("state", receipt.state())
                        .setParameter("now", receipt.at())
                        .setParameter("reportState", receipt.messageState())
                        .setParameter("error", receipt.error())
                        .setParameter("connector", connector)
                        .setParameter("smscId", candidate)
                        .setParameter("submitted", MessageState.SUBMITTED)
                        .executeUpdate();
                if (applied > 0 || !session.createSelectionQuery("select p.id from MessagePart p"
                                + " where p.outConnector = :connector and p.smscId = :smscId", Long.class)
                        .setParameter("connector", connector)
                        .setParameter("smscId", candidate)
                        .setMaxResults(1)
                        .getResultList().isEmpty()) {
                    return true;
                }
            }
            return false;
        });
    }

    /** Early receipts received before {@code olderThan}, never claimed (ids from elsewhere, lost responses) are dropped. */
    public int purgeEarly(long olderThan) {
        return sessions.writeAndGet("purging early receipts", session -> session.createMutationQuery(
                        "delete from EarlyReceipt r where r.receivedAt < :olderThan")
                .setParameter("olderThan", olderThan)
                .executeUpdate());
    }

    public void keepEarly(String connector, String smscId, PartReport receipt) {
        sessions.write("keeping an early receipt of " + connector,
                session -> session.upsert(new EarlyReceipt(connector, smscId, receipt)));
    }

    /** Early receipts for SMSC ids just recorded, by SMSC id; they are removed from the waiting list. */
    public Map<String, PartReport> takeEarly(String connector, Collection<String> smscIds) {
        Map<String, PartReport> found = new HashMap<>();
        if (smscIds.isEmpty()) {
            return found;
        }
        String in = String.join(",", Collections.nCopies(smscIds.size(), "?"));
        return sessions.jdbc("reading early receipts of " + connector, c -> {
            // usually there are none: one short statement instead of parsing an IN list of every id recorded
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT 1 FROM emg_early_receipt WHERE out_connector = ? FETCH FIRST 1 ROWS ONLY")) {
                ps.setString(1, connector);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        return found;
                    }
                }
            }
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT smsc_id, state, report_state, received_at, report_error FROM emg_early_receipt"
                            + " WHERE out_connector = ? AND smsc_id IN (" + in + ")")) {
                bind(ps, connector, smscIds);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        MessageState state = MessageState.ofCode(rs.getInt(2));
                        // kept before the report columns existed: the state is all there is
                        String reported = rs.getString(3) == null ? state.name() : rs.getString(3);
                        found.put(rs.getString(1), new PartReport(state, reported, rs.getLong(4), rs.getString(5)));
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
        });
    }

    private static void bind(PreparedStatement ps, String connector, Collection<String> smscIds) throws SQLException {
        ps.setString(1, connector);
        int i = 2;
        for (String id : smscIds) {
            ps.setString(i++, id);
        }
    }
}
