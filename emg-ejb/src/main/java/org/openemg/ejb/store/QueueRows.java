package org.openemg.ejb.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Collection;
import java.util.List;
import org.openemg.core.message.MessageState;

/**
 * The queue table (emg_queue) beside the message table, in the same transaction: a row per part QUEUED, or INFLIGHT
 * after a claim (with the claiming node), with the claim's columns; none for a part handed over in memory
 * ({@link HandOvers}) or settled.
 */
final class QueueRows {

    private static final String COLUMNS = "id, out_connector, queue_state, priority, due_at";

    private QueueRows() {
    }

    /** Queue rows for parts just inserted QUEUED. */
    static void insert(Connection c, List<NewMessage> parts) throws SQLException {
        JdbcBatch.run(c, "INSERT INTO emg_queue (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?)", parts, (ps, part) -> {
            ps.setLong(1, part.id());
            ps.setString(2, part.outConnector());
            ps.setInt(3, MessageState.QUEUED.code());
            ps.setInt(4, part.priority());
            ps.setLong(5, part.dueAt());
        });
    }

    /**
     * The queue rows of the ids as their parts now are: one for each part QUEUED, none for a settled one. An INFLIGHT
     * part keeps what it has: a row when it was claimed, none when it is handed over in memory (a row would make it
     * claimable by lease expiry while its dispatcher still sends it).
     */
    static void mirror(Connection c, Collection<Long> ids) throws SQLException {
        for (List<Long> chunk : MessageRows.chunks(ids)) {
            IdList chunkIds = IdList.of(c, chunk);
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM emg_queue WHERE NOT EXISTS (SELECT 1 FROM emg_message m"
                    + " WHERE m.id = emg_queue.id AND m.state = " + MessageState.INFLIGHT.code() + ") AND " + chunkIds.condition("id"))) {
                chunkIds.bind(ps, 1);
                ps.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO emg_queue (" + COLUMNS + ")"
                    + " SELECT id, out_connector, state, priority, due_at FROM emg_message WHERE state = "
                    + MessageState.QUEUED.code() + " AND " + chunkIds.condition("id"))) {
                chunkIds.bind(ps, 1);
                ps.executeUpdate();
            }
        }
    }

    /** Drops the queue rows of the ids: their parts left the queue. */
    static void delete(Connection c, Collection<Long> ids) throws SQLException {
        for (List<Long> chunk : MessageRows.chunks(ids)) {
            IdList chunkIds = IdList.of(c, chunk);
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM emg_queue WHERE " + chunkIds.condition("id"))) {
                chunkIds.bind(ps, 1);
                ps.executeUpdate();
            }
        }
    }

    /** Drops the queue rows of those ids still in {@code state}: their parts just left it. */
    static void remove(Connection c, Collection<Long> ids, MessageState state) throws SQLException {
        for (List<Long> chunk : MessageRows.chunks(ids)) {
            IdList chunkIds = IdList.of(c, chunk);
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM emg_queue WHERE queue_state = ? AND " + chunkIds.condition("id"))) {
                ps.setInt(1, state.code());
                chunkIds.bind(ps, 2);
                ps.executeUpdate();
            }
        }
    }

    /** The claimed parts' queue rows move to INFLIGHT, claimed by {@code node}. */
    static void claimed(Connection c, Collection<Long> ids, int node) throws SQLException {
        for (List<Long> chunk : MessageRows.chunks(ids)) {
            IdList chunkIds = IdList.of(c, chunk);
            try (PreparedStatement ps = c.prepareStatement("UPDATE emg_queue SET queue_state = ?, claimed_by = ? WHERE queue_state = ? AND "
                    + chunkIds.condition("id"))) {
                ps.setInt(1, MessageState.INFLIGHT.code());
                ps.setInt(2, node);
                ps.setInt(3, MessageState.QUEUED.code());
                chunkIds.bind(ps, 4);
                ps.executeUpdate();
            }
        }
    }
}
