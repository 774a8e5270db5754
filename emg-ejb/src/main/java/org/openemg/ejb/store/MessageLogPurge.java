package org.openemg.ejb.store;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.openemg.core.message.MessageState;

/**
 * Deletes message parts that are done with (final, or SUBMITTED with no receipt) and were last touched
 * before a cut-off, a few hundred rows per step in id order, so each step is a short transaction beside
 * the traffic. A part's receipt key goes with it; the DLR and push bookkeeping of a message goes once none of
 * its parts is left.
 */
@ApplicationScoped
public class MessageLogPurge {

    private static final String DONE_STATES = List.of(MessageState.SUBMITTED, MessageState.DELIVERED, MessageState.FAILED,
            MessageState.EXPIRED, MessageState.DELETED).stream().map(s -> String.valueOf(s.code())).collect(Collectors.joining(","));

    @Inject
    StoreSessions sessions;

    /** The nodes that ever allocated message ids in this database. */
    public List<Integer> nodes() {
        return sessions.jdbc("reading the nodes", c -> {
            List<Integer> nodes = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT node_id FROM emg_id_block ORDER BY node_id");
                    ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    nodes.add(rs.getInt(1));
                }
            }
            return nodes;
        });
    }

    /** Purges among the {@code limit} rows from {@code fromId} (below {@code untilId}) those done with before {@code before}. */
    public PurgeStep step(long fromId, long untilId, long before, int limit) {
        return sessions.jdbc("purging the message log from id " + fromId, c -> {
            List<Long> purgeable = new ArrayList<>();
            List<KeyOfPart> keys = new ArrayList<>();
            Set<Long> messages = new LinkedHashSet<>();
            long last = fromId - 1;
            int read = 0;
            boolean recent = false;
            try (PreparedStatement ps = c.prepareStatement("SELECT id, parent_id, state, created_at, updated_at, out_connector, smsc_id"
                    + " FROM emg_message WHERE id >= ? AND id < ? ORDER BY id FETCH FIRST " + limit + " ROWS ONLY")) {
                ps.setLong(1, fromId);
                ps.setLong(2, untilId);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        read++;
                        last = rs.getLong(1);
                        recent |= rs.getLong(4) >= before;
                        MessageState state = MessageState.ofCode(rs.getInt(3));
                        if ((state.isFinal() || state == MessageState.SUBMITTED) && rs.getLong(5) < before) {
                            purgeable.add(last);
                            messages.add(rs.getLong(2));
                            messages.add(last);
                            if (rs.getString(6) != null && rs.getString(7) != null) {
                                keys.add(new KeyOfPart(rs.getString(6), rs.getString(7), last));
                            }
                        }
                    }
                }
            }
            int deleted = delete(c, purgeable, before);
            if (deleted > 0) {
                forgetReceiptKeys(c, keys);
                forgetBookkeeping(c, messages);
            }
            return new PurgeStep(deleted, last + 1, recent || read < limit);
        });
    }

    private static int delete(Connection c, List<Long> ids, long before) throws SQLException {
        if (ids.isEmpty()) {
            return 0;
        }
        // the guards keep a part that changed since it was read (a late receipt, say) until the next round
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM emg_message WHERE id IN (" + placeholders(ids.size())
                + ") AND updated_at < ? AND state IN (" + DONE_STATES + ")")) {
            int i = 1;
            for (long id : ids) {
                ps.setLong(i++, id);
            }
            ps.setLong(i, before);
            return ps.executeUpdate();
        }
    }

    private record KeyOfPart(String connector, String smscId, long id) {
    }

    /** The keys of the parts deleted; a part the delete's guards kept keeps its key. */
    private static void forgetReceiptKeys(Connection c, List<KeyOfPart> keys) throws SQLException {
        JdbcBatch.run(c, "DELETE FROM emg_receipt_key WHERE out_connector = ? AND smsc_id = ? AND message_id = ?"
                + " AND NOT EXISTS (SELECT 1 FROM emg_message m WHERE m.id = ?)", keys, (ps, key) -> {
                    ps.setString(1, key.connector());
                    ps.setString(2, key.smscId());
                    ps.setLong(3, key.id());
                    ps.setLong(4, key.id());
                });
    }

    private static void forgetBookkeeping(Connection c, Collection<Long> messageIds) throws SQLException {
        for (String table : List.of("emg_reported_message", "emg_push_message")) {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM " + table + " t WHERE t.message_id IN ("
                    + placeholders(messageIds.size()) + ")"
                    + " AND NOT EXISTS (SELECT 1 FROM emg_message m WHERE " + PartsOf.of("m", "t.message_id") + ")"
                    + " AND NOT EXISTS (SELECT 1 FROM emg_message m WHERE m.id = t.message_id)")) {
                int i = 1;
                for (long id : messageIds) {
                    ps.setLong(i++, id);
                }
                ps.executeUpdate();
            }
        }
    }

    private static String placeholders(int count) {
        return String.join(",", Collections.nCopies(count, "?"));
    }
}
