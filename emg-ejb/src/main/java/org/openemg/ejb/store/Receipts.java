package org.openemg.ejb.store;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.openemg.core.message.MessageState;

/**
 * Delivery receipts against the message table, matched by (outgoing connector, normalised SMSC id).
 * A receipt that finds no row yet (it overtook the submit_sm_resp) is kept and applied when the
 * SMSC id is recorded. Taking the turn and the early receipts, with every group of submit results,
 * and applying a group of receipts are plain JDBC on the session's connection: through Hibernate each
 * cost more than 10% more, as measured (bench/RESULTS.md).
 */
@ApplicationScoped
public class Receipts {

    private static final int SUBMITTED = MessageState.SUBMITTED.code();

    /** The keys alone: the state is checked by the update, so reading the part first would look it up twice. */
    private static final String FIND = "SELECT message_id, smsc_id FROM emg_receipt_key WHERE out_connector = ? AND smsc_id";

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
     * Applies each receipt of a group, in order, to the submitted parts its SMSC id names (their state, and the
     * receipt as their last report), trying the id's readings best first and stopping at the first that names a
     * stored part: a repeated receipt must not fall through to another part whose id happens to be the other
     * reading. The parts are looked up, then updated in one statement batch. Answers, for each receipt, the parts
     * that its first naming reading names (empty: none yet).
     */
    public List<List<Long>> applyAll(String connector, List<SmscReceipt> group) {
        return applyAll(connector, group, null);
    }

    /** As {@link #applyAll(String, List)}, the lookup chosen: one per group or one per reading (null: per database). */
    List<List<Long>> applyAll(String connector, List<SmscReceipt> group, Boolean lookupPerGroup) {
        String update = "UPDATE emg_message SET state = ?, updated_at = ?, report_state = ?, report_at = ?, report_error = ?"
                + " WHERE id = ? AND state = ?";
        return sessions.jdbc("applying " + group.size() + " receipts of " + connector, c -> {
            List<List<Long>> named = new ArrayList<>(group.size());
            List<Map.Entry<Long, PartReport>> updates = new ArrayList<>(group.size());
            boolean perGroup = lookupPerGroup != null ? lookupPerGroup : !EmbeddedH2.is(c);
            try (PreparedStatement ps = c.prepareStatement(FIND + (perGroup ? " = ANY(?)" : " = ?"))) {
                ps.setString(1, connector);
                StoredParts stored = perGroup ? lookedUpTogether(c, ps, group) : smscId -> lookUp(ps, smscId);
                for (SmscReceipt receipt : group) {
                    List<Long> parts = new ArrayList<>(1);
                    for (Iterator<String> readings = receipt.smscIdReadings().iterator(); parts.isEmpty() && readings.hasNext(); ) {
                        for (long part : stored.named(readings.next())) {
                            parts.add(part);
                            updates.add(Map.entry(part, receipt.report()));
                        }
                    }
                    named.add(parts);
                }
            }
            // only a SUBMITTED part changes: a repeated receipt, also one within the group, finds its part final already
            JdbcBatch.run(c, update, updates, (ps, u) -> {
                PartReport report = u.getValue();
                ps.setInt(1, report.state().code());
                ps.setLong(2, report.at());
                ps.setString(3, report.messageState());
                ps.setLong(4, report.at());
                ps.setString(5, report.error());
                ps.setLong(6, u.getKey());
                ps.setInt(7, SUBMITTED);
            });
            return named;
        });
    }

    /** The ids of the stored parts that one reading of an SMSC id names. */
    @FunctionalInterface
    private interface StoredParts {
        List<Long> named(String smscId) throws SQLException;
    }

    /** One equality lookup per reading tried, because H2 uses only an index's first column for an IN list or ANY. */
    private static List<Long> lookUp(PreparedStatement ps, String smscId) throws SQLException {
        ps.setString(2, smscId);
        List<Long> parts = new ArrayList<>(1);
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                parts.add(rs.getLong(1));
            }
        }
        return parts;
    }

    /** Every reading of the group's ids in one lookup: a round trip per reading cost PostgreSQL most of its time. */
    private static StoredParts lookedUpTogether(Connection c, PreparedStatement ps, List<SmscReceipt> group) throws SQLException {
        Set<String> readings = new LinkedHashSet<>();
        group.forEach(receipt -> readings.addAll(receipt.smscIdReadings()));
        ps.setArray(2, c.createArrayOf("varchar", readings.toArray()));
        Map<String, List<Long>> bySmscId = new HashMap<>();
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                bySmscId.computeIfAbsent(rs.getString(2), id -> new ArrayList<>(1)).add(rs.getLong(1));
            }
        }
        return smscId -> bySmscId.getOrDefault(smscId, List.of());
    }

    /** Early receipts received before {@code olderThan}, never claimed (ids from elsewhere, lost responses) are dropped. */
    public int purgeEarly(long olderThan) {
        return sessions.writeAndGet("purging early receipts", session -> session.createMutationQuery(
                        "delete from EarlyReceipt r where r.receivedAt < :olderThan")
                .setParameter("olderThan", olderThan)
                .executeUpdate());
    }

    /** Keeps a group's receipts that found no part yet, by normalised SMSC id, in one session (one statement batch). */
    public void keepEarly(String connector, Map<String, PartReport> receiptBySmscId) {
        if (receiptBySmscId.isEmpty()) {
            return;
        }
        sessions.write("keeping " + receiptBySmscId.size() + " early receipts of " + connector,
                session -> receiptBySmscId.forEach((smscId, receipt) -> session.upsert(new EarlyReceipt(connector, smscId, receipt))));
    }

    /**
     * Early receipts for SMSC ids just recorded, by SMSC id; they are removed from the waiting list. The
     * connector's early receipts are read whole and matched here: for {@code smsc_id IN (...)} H2 uses only the
     * key's first column, so it read them all anyway and compared each with every id of the group in turn.
     */
    public Map<String, PartReport> takeEarly(String connector, Collection<String> smscIds) {
        Map<String, PartReport> found = new HashMap<>();
        if (smscIds.isEmpty()) {
            return found;
        }
        Set<String> wanted = new HashSet<>(smscIds);
        return sessions.jdbc("reading early receipts of " + connector, c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT smsc_id, state, report_state, received_at, report_error FROM emg_early_receipt"
                            + " WHERE out_connector = ?")) {
                ps.setString(1, connector);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        if (wanted.contains(rs.getString(1))) {
                            MessageState state = MessageState.ofCode(rs.getInt(2));
                            // kept before the report columns existed: the state is all there is
                            String reported = rs.getString(3) == null ? state.name() : rs.getString(3);
                            found.put(rs.getString(1), new PartReport(state, reported, rs.getLong(4), rs.getString(5)));
                        }
                    }
                }
            }
            JdbcBatch.run(c, "DELETE FROM emg_early_receipt WHERE out_connector = ? AND smsc_id = ?", found.keySet(),
                    (ps, smscId) -> {
                        ps.setString(1, connector);
                        ps.setString(2, smscId);
                    });
            return found;
        });
    }
}
