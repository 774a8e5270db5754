package org.openemg.ejb.store;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;
import org.openemg.core.message.MessageState;
import org.openemg.core.message.MessageStatus;

/**
 * JDBC access to the message table for the hot path: batched inserts and updates in the caller's
 * transaction, one statement per batch, never one transaction per message.
 */
@ApplicationScoped
public class MessageRows {

    private static final int QUEUED = MessageState.QUEUED.code();
    private static final int INFLIGHT = MessageState.INFLIGHT.code();

    @Resource(lookup = "java:jboss/datasources/EmgDS")
    private DataSource dataSource;

    public void insert(List<NewMessage> rows, long now) {
        String sql = "INSERT INTO emg_message (id, parent_id, state, in_connector, out_connector, priority, due_at,"
                + " expires_at, attempts, destaddr, username, created_at, updated_at, options) VALUES (?,?,?,?,?,?,?,?,0,?,?,?,?,?)";
        writeEach("inserting", sql, rows, (ps, row) -> {
            ps.setLong(1, row.id());
            ps.setLong(2, row.parentId());
            ps.setInt(3, QUEUED);
            ps.setString(4, row.inConnector());
            ps.setString(5, row.outConnector());
            ps.setInt(6, row.priority());
            ps.setLong(7, row.dueAt());
            if (row.expiresAt() == null) {
                ps.setNull(8, Types.BIGINT);
            } else {
                ps.setLong(8, row.expiresAt());
            }
            ps.setString(9, row.destAddr());
            ps.setString(10, row.username());
            ps.setLong(11, now);
            ps.setLong(12, now);
            ps.setString(13, row.options());
        });
    }

    /**
     * Moves up to {@code limit} due QUEUED rows of the connector to INFLIGHT, highest priority first.
     * One dispatcher claims for a connector on this node, so no row lock is taken; the update checks
     * the state, and only rows it moved are handed out.
     */
    public List<ClaimedPart> claim(String connector, int limit, long now, long leaseUntil) {
        String select = "SELECT id, options, attempts, expires_at FROM emg_message WHERE out_connector = ? AND state = ? AND due_at <= ?"
                // the constant columns lead the ORDER BY so that H2 reads emg_message_due in order and stops at the limit
                + " ORDER BY out_connector, state, priority DESC, due_at, id FETCH FIRST " + limit + " ROWS ONLY";
        String update = "UPDATE emg_message SET state = ?, lease_until = ?, updated_at = ? WHERE id = ? AND state = ?";
        List<ClaimedPart> candidates = new ArrayList<>();
        List<Long> expired = new ArrayList<>();
        try (Connection c = dataSource.getConnection()) {
            try (PreparedStatement ps = c.prepareStatement(select)) {
                ps.setString(1, connector);
                ps.setInt(2, QUEUED);
                ps.setLong(3, now);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        long expiresAt = rs.getLong(4);
                        if (!rs.wasNull() && expiresAt <= now) {
                            expired.add(rs.getLong(1));
                        } else {
                            candidates.add(new ClaimedPart(rs.getLong(1), rs.getString(2), rs.getInt(3)));
                        }
                    }
                }
            }
            setState(c, expired, MessageState.EXPIRED, QUEUED, now);
            int[] moved = eachRow(c, update, candidates, (ps, part) -> {
                ps.setInt(1, INFLIGHT);
                ps.setLong(2, leaseUntil);
                ps.setLong(3, now);
                ps.setLong(4, part.id());
                ps.setInt(5, QUEUED);
            });
            List<ClaimedPart> claimed = new ArrayList<>(candidates.size());
            for (int i = 0; i < moved.length; i++) {
                if (moved[i] != 0) {
                    claimed.add(candidates.get(i));
                }
            }
            return claimed;
        } catch (SQLException e) {
            throw new StoreException("claiming messages of " + connector, e);
        }
    }

    /** The final state of parts this node had in flight; a part no longer INFLIGHT (a late, repeated answer) keeps its state. */
    public void finish(Collection<Long> ids, MessageState state, long now) {
        if (ids.isEmpty()) {
            return;
        }
        try (Connection c = dataSource.getConnection()) {
            setState(c, ids, state, INFLIGHT, now);
        } catch (SQLException e) {
            throw new StoreException("setting " + ids.size() + " messages " + state, e);
        }
    }

    private static void setState(Connection c, Collection<Long> ids, MessageState state, int from, long now) throws SQLException {
        eachRow(c, "UPDATE emg_message SET state = ?, lease_until = NULL, updated_at = ? WHERE id = ? AND state = ?", ids,
                (ps, id) -> {
                    ps.setInt(1, state.code());
                    ps.setLong(2, now);
                    ps.setLong(3, id);
                    ps.setInt(4, from);
                });
    }

    public void markSubmitted(Map<Long, String> smscIds, long now) {
        // QUEUED too: an answer that comes after the lease ran out still spares the message a second send
        String sql = "UPDATE emg_message SET state = ?, smsc_id = ?, lease_until = NULL, updated_at = ?"
                + " WHERE id = ? AND state IN (" + INFLIGHT + ", " + QUEUED + ")";
        writeEach("recording as submitted", sql, smscIds.entrySet(), (ps, e) -> {
            ps.setInt(1, MessageState.SUBMITTED.code());
            ps.setString(2, e.getValue());
            ps.setLong(3, now);
            ps.setLong(4, e.getKey());
        });
    }

    /** Back to the queue, due at {@code dueAt}, without counting an attempt (link lost, throttled). */
    public void requeue(Collection<Long> ids, long dueAt, long now) {
        String sql = "UPDATE emg_message SET state = ?, due_at = ?, lease_until = NULL, updated_at = ? WHERE id = ? AND state = ?";
        writeEach("requeueing", sql, ids, (ps, id) -> {
            ps.setInt(1, QUEUED);
            ps.setLong(2, dueAt);
            ps.setLong(3, now);
            ps.setLong(4, id);
            ps.setInt(5, INFLIGHT);
        });
    }

    /**
     * After a temporary error: counts the attempt and requeues at {@code dueAt}, or fails the row
     * once it has had {@code maxAttempts}.
     */
    public void retryOrFail(Collection<Long> ids, long dueAt, int maxAttempts, long now) {
        String sql = "UPDATE emg_message SET attempts = attempts + 1, lease_until = NULL, updated_at = ?, due_at = ?,"
                + " state = CASE WHEN attempts + 1 >= ? THEN ? ELSE ? END WHERE id = ? AND state = ?";
        writeEach("retrying", sql, ids, (ps, id) -> {
            ps.setLong(1, now);
            ps.setLong(2, dueAt);
            ps.setInt(3, maxAttempts);
            ps.setInt(4, MessageState.FAILED.code());
            ps.setInt(5, QUEUED);
            ps.setLong(6, id);
            ps.setInt(7, INFLIGHT);
        });
    }

    /** Sets a statement's parameters for one row of a batch. */
    @FunctionalInterface
    private interface RowBinder<T> {
        void bind(PreparedStatement ps, T item) throws SQLException;
    }

    /** One JDBC batch of {@code sql} over the items, on a connection of its own (in the caller's transaction). */
    private <T> void writeEach(String what, String sql, Collection<T> items, RowBinder<T> binder) {
        if (items.isEmpty()) {
            return;
        }
        try (Connection c = dataSource.getConnection()) {
            eachRow(c, sql, items, binder);
        } catch (SQLException e) {
            throw new StoreException(what + " " + items.size() + " messages", e);
        }
    }

    private static <T> int[] eachRow(Connection c, String sql, Collection<T> items, RowBinder<T> binder) throws SQLException {
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

    public int countInflight(String connector) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM emg_message WHERE out_connector = ? AND state = ?")) {
            ps.setString(1, connector);
            ps.setInt(2, INFLIGHT);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        } catch (SQLException e) {
            throw new StoreException("counting messages in flight on " + connector, e);
        }
    }

    /** Every INFLIGHT row back to the queue: at start-up on a single node nothing can be in flight. */
    public int requeueAllInflight(long now) {
        return requeueExpiredLeases(Long.MAX_VALUE, now);
    }

    /** INFLIGHT rows whose lease ran out (a crash, a lost result) go back to the queue; returns how many. */
    public int requeueExpiredLeases(long now) {
        return requeueExpiredLeases(now, now);
    }

    private int requeueExpiredLeases(long leaseBefore, long now) {
        String sql = "UPDATE emg_message SET state = ?, lease_until = NULL, updated_at = ? WHERE state = ? AND lease_until < ?";
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setInt(1, QUEUED);
            ps.setLong(2, now);
            ps.setInt(3, INFLIGHT);
            ps.setLong(4, leaseBefore);
            return ps.executeUpdate();
        } catch (SQLException e) {
            throw new StoreException("requeueing expired leases", e);
        }
    }

    public Optional<MessageStatus> status(long id) {
        String sql = "SELECT id, state, destaddr, in_connector, out_connector, smsc_id, attempts, created_at, updated_at"
                + " FROM emg_message WHERE parent_id = ? ORDER BY id";
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                MessageStatus whole = null;
                while (rs.next()) {
                    MessageStatus part = new MessageStatus(id, MessageState.ofCode(rs.getInt(2)), rs.getString(3),
                            rs.getString(4), rs.getString(5), rs.getString(6), rs.getInt(7),
                            Instant.ofEpochMilli(rs.getLong(8)), Instant.ofEpochMilli(rs.getLong(9)));
                    whole = whole == null ? part : PartStates.combine(whole, part);
                }
                return Optional.ofNullable(whole);
            }
        } catch (SQLException e) {
            throw new StoreException("reading message " + id, e);
        }
    }
}
