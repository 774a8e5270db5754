package org.openemg.ejb.store;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.openemg.core.id.MessageIds;
import org.openemg.core.message.MessageState;

/**
 * What an SMPP client may do to a message it sent (query_sm, cancel_sm, replace_sm): its owner is the
 * incoming connector and user it came from, and only a message still queued changes.
 */
@ApplicationScoped
public class ClientMessageRows {

    private static final int QUEUED = MessageState.QUEUED.code();

    @Resource(lookup = "java:jboss/datasources/EmgDS")
    private DataSource dataSource;

    /** Where message {@code id} came in and from which user (null: nobody logged in); empty when there is no such message. */
    public Optional<Sender> sender(long id) {
        String sql = "SELECT in_connector, username FROM emg_message WHERE id = ?";
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(new Sender(rs.getString(1), rs.getString(2))) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new StoreException("reading the sender of message " + id, e);
        }
    }

    /** Whether message {@code id} came in on the connector from the user (null: from a client nobody logged in). */
    public boolean sentBy(long id, String connector, String username) {
        String sql = "SELECT COUNT(*) FROM emg_message WHERE id = ? AND in_connector = ? AND "
                + (username == null ? "username IS NULL" : "username = ?");
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setLong(1, id);
            ps.setString(2, connector);
            if (username != null) {
                ps.setString(3, username);
            }
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() && rs.getInt(1) > 0;
            }
        } catch (SQLException e) {
            throw new StoreException("reading the owner of message " + id, e);
        }
    }

    /** Ends the message's queued parts DELETED, their charges given back; returns how many there were. */
    public int deleteQueued(long id, long now) {
        String sql = "UPDATE emg_message SET state = ?, updated_at = ? WHERE " + PartsOf.SQL + " AND state = ?";
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            List<Accounts.ChargedPart> charged = Accounts.lockCharged(c, id, MessageState.QUEUED);
            ps.setInt(1, MessageState.DELETED.code());
            ps.setLong(2, now);
            ps.setInt(PartsOf.bind(ps, 3, id), QUEUED);
            int deleted = ps.executeUpdate();
            Accounts.refund(c, charged, MessageState.DELETED);
            try (PreparedStatement entries = c.prepareStatement("DELETE FROM emg_queue WHERE id BETWEEN ? AND ? AND queue_state = ?"
                    + " AND id IN (SELECT id FROM emg_message WHERE " + PartsOf.SQL + " AND state = ?)")) {
                entries.setLong(1, id);
                entries.setLong(2, MessageIds.lastPartId(id));
                entries.setInt(3, QUEUED);
                entries.setInt(PartsOf.bind(entries, 4, id), MessageState.DELETED.code());
                entries.executeUpdate();
            }
            return deleted;
        } catch (SQLException e) {
            throw new StoreException("deleting message " + id, e);
        }
    }

    /** The message's only part while it is queued; empty when it has several parts or left the queue. */
    public Optional<QueuedPart> onlyPartQueued(long id) {
        String sql = "SELECT id, state, options, due_at, expires_at FROM emg_message WHERE " + PartsOf.SQL;
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            PartsOf.bind(ps, 1, id);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next() || rs.getInt(2) != QUEUED) {
                    return Optional.empty();
                }
                long expiresAt = rs.getLong(5);
                QueuedPart part = new QueuedPart(rs.getLong(1), rs.getString(3), rs.getLong(4),
                        rs.wasNull() ? null : expiresAt);
                return rs.next() ? Optional.empty() : Optional.of(part);
            }
        } catch (SQLException e) {
            throw new StoreException("reading message " + id, e);
        }
    }

    /** @return false when the part left the queue meanwhile (nothing changed) */
    public boolean replaceQueued(QueuedPart part, long now) {
        String sql = "UPDATE emg_message SET options = ?, due_at = ?, expires_at = ?, updated_at = ? WHERE id = ? AND state = ?";
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, part.options());
            ps.setLong(2, part.dueAt());
            if (part.expiresAt() == null) {
                ps.setNull(3, Types.BIGINT);
            } else {
                ps.setLong(3, part.expiresAt());
            }
            ps.setLong(4, now);
            ps.setLong(5, part.id());
            ps.setInt(6, QUEUED);
            if (ps.executeUpdate() != 1) {
                return false;
            }
            QueueRows.mirror(c, List.of(part.id()));
            return true;
        } catch (SQLException e) {
            throw new StoreException("replacing message " + part.id(), e);
        }
    }
}
