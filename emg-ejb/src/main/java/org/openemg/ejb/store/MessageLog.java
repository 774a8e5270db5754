package org.openemg.ejb.store;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.openemg.core.id.MessageIds;
import org.openemg.core.message.MessageState;

/**
 * The message table as the admin API reads and changes it: queue depths, a connector's queue, the log
 * searched, and the operator's changes to whole queues (deleted, moved). Plain JDBC: the searches are
 * built from the criteria given.
 */
@ApplicationScoped
public class MessageLog {

    private static final String PART_COLUMNS = "id, parent_id, state, in_connector, out_connector, priority, due_at,"
            + " attempts, destaddr, username, smsc_id, created_at, updated_at, report_state, report_at, report_error";
    private static final String PART_COLUMNS_OF_M = Arrays.stream(PART_COLUMNS.split(","))
            .map(column -> "m." + column.trim()).collect(Collectors.joining(", "));
    /** The due time of a row parked until a client binds; shown as no due time. */
    private static final long PARKED = MessageRows.PARKED;

    @Resource(lookup = "java:jboss/datasources/EmgDS")
    private DataSource dataSource;
    @Inject
    private MessageRows rows;

    /** Parts of each connector still in the queue (QUEUED, INFLIGHT), by state; connectors with none are absent. */
    public Map<String, Map<MessageState, Integer>> queueDepths(Collection<String> connectors) {
        return rows.unsettledByState(connectors);
    }

    /**
     * The connector's parts still to send (QUEUED and INFLIGHT), oldest first: those in the queue table, and those this
     * node handed over in memory, which have no row there.
     */
    public List<LoggedPart> queue(String connector, int offset, int limit) {
        int upTo = offset + limit;
        String what = "reading the queue of " + connector;
        List<LoggedPart> parts = new ArrayList<>(select("SELECT " + PART_COLUMNS_OF_M + " FROM emg_queue q JOIN emg_message m"
                + " ON m.id = q.id WHERE q.out_connector = ? ORDER BY q.id FETCH FIRST " + upTo + " ROWS ONLY", what, connector));
        List<Long> handed = rows.handedOver(connector).stream().sorted().limit(upTo).toList();
        if (!handed.isEmpty()) {
            // ids are numbers: nothing to inject
            parts.addAll(select("SELECT " + PART_COLUMNS + " FROM emg_message WHERE state = " + MessageState.INFLIGHT.code()
                    + " AND id IN (" + handed.stream().map(String::valueOf).collect(Collectors.joining(",")) + ")", what));
        }
        parts.sort(Comparator.comparingLong(LoggedPart::id));
        return parts.subList(Math.min(offset, parts.size()), Math.min(upTo, parts.size()));
    }

    /** Parts matching every criterion given, newest first. */
    public List<LoggedPart> search(MessageSearch search) {
        StringBuilder sql = new StringBuilder("SELECT " + PART_COLUMNS + " FROM emg_message WHERE 1 = 1");
        List<Object> args = new ArrayList<>();
        if (search.id() != null) {
            sql.append(" AND id BETWEEN ? AND ? AND (parent_id = ? OR id = ?)");
            args.add(search.id());
            args.add(MessageIds.lastPartId(search.id()));
            args.add(search.id());
            args.add(search.id());
        }
        if (search.destAddr() != null) {
            sql.append(" AND destaddr = ?");
            args.add(search.destAddr());
        }
        if (search.username() != null) {
            sql.append(" AND username = ?");
            args.add(search.username());
        }
        if (search.connector() != null) {
            sql.append(" AND (in_connector = ? OR out_connector = ?)");
            args.add(search.connector());
            args.add(search.connector());
        }
        if (search.state() != null) {
            sql.append(" AND state = ?");
            args.add(search.state().code());
        }
        if (search.from() != null) {
            sql.append(" AND created_at >= ?");
            args.add(search.from());
        }
        if (search.to() != null) {
            sql.append(" AND created_at < ?");
            args.add(search.to());
        }
        sql.append(" ORDER BY id DESC OFFSET ").append(search.offset()).append(" ROWS FETCH FIRST ")
                .append(search.limit()).append(" ROWS ONLY");
        return select(sql.toString(), "searching the message log", args.toArray());
    }

    /** The parts of a message, first to last. */
    public List<LoggedPart> parts(long messageId) {
        return select("SELECT " + PART_COLUMNS + " FROM emg_message WHERE " + PartsOf.SQL + " ORDER BY id",
                "reading message " + messageId, messageId, MessageIds.lastPartId(messageId), messageId);
    }

    /** The options of a message as stored with its first part (encoded). */
    public Optional<String> options(long messageId) {
        String sql = "SELECT options FROM emg_message WHERE " + PartsOf.SQL + " ORDER BY id FETCH FIRST 1 ROWS ONLY";
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            PartsOf.bind(ps, 1, messageId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new StoreException("reading message " + messageId, e);
        }
    }

    /** The DLR the gateway issued for the message, if it did: its id. */
    public Optional<Long> reportOf(long messageId) {
        String sql = "SELECT dlr_id FROM emg_reported_message WHERE message_id = ?";
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setLong(1, messageId);
            try (ResultSet rs = ps.executeQuery()) {
                if (rs.next()) {
                    long dlr = rs.getLong(1);
                    return rs.wasNull() ? Optional.empty() : Optional.of(dlr);
                }
                return Optional.empty();
            }
        } catch (SQLException e) {
            throw new StoreException("reading the report of message " + messageId, e);
        }
    }

    /** The ids of the connector's QUEUED parts, at most {@code limit}. */
    public List<Long> queuedIds(String connector, int limit) {
        String sql = "SELECT id FROM emg_queue WHERE out_connector = ? AND queue_state = ? ORDER BY id FETCH FIRST "
                + limit + " ROWS ONLY";
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, connector);
            ps.setInt(2, MessageState.QUEUED.code());
            List<Long> ids = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getLong(1));
                }
            }
            return ids;
        } catch (SQLException e) {
            throw new StoreException("reading the queue of " + connector, e);
        }
    }

    /** Ends the parts that are still QUEUED as DELETED, the gateway's own report; returns those it ended. */
    public List<Long> delete(List<Long> ids, long now) {
        String sql = "UPDATE emg_message SET state = ?, lease_until = NULL, updated_at = ?, report_state = ?,"
                + " report_at = ?, report_error = NULL WHERE id = ? AND state = ?";
        List<Long> deleted = new ArrayList<>(ids.size());
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (long id : ids) {
                ps.setInt(1, MessageState.DELETED.code());
                ps.setLong(2, now);
                ps.setString(3, MessageState.DELETED.name());
                ps.setLong(4, now);
                ps.setLong(5, id);
                ps.setInt(6, MessageState.QUEUED.code());
                ps.addBatch();
            }
            int[] counts = ps.executeBatch();
            for (int i = 0; i < counts.length; i++) {
                // a driver may answer SUCCESS_NO_INFO (-2): the row was QUEUED when read in this transaction
                if (counts[i] != 0) {
                    deleted.add(ids.get(i));
                }
            }
            QueueRows.remove(c, deleted, MessageState.QUEUED);
            return deleted;
        } catch (SQLException e) {
            throw new StoreException("deleting " + ids.size() + " queued messages", e);
        }
    }

    /** Moves the connector's QUEUED parts to another connector, due now; returns how many moved. */
    public int move(String from, String to, long now) {
        String queued = "out_connector = ? AND queue_state = ?";
        try (Connection c = dataSource.getConnection();
             PreparedStatement parts = c.prepareStatement("UPDATE emg_message SET out_connector = ?, due_at = ?, updated_at = ?"
                     + " WHERE id IN (SELECT id FROM emg_queue WHERE " + queued + ")");
             PreparedStatement entries = c.prepareStatement("UPDATE emg_queue SET out_connector = ?, due_at = ? WHERE " + queued)) {
            parts.setString(1, to);
            parts.setLong(2, now);
            parts.setLong(3, now);
            parts.setString(4, from);
            parts.setInt(5, MessageState.QUEUED.code());
            parts.executeUpdate();
            entries.setString(1, to);
            entries.setLong(2, now);
            entries.setString(3, from);
            entries.setInt(4, MessageState.QUEUED.code());
            return entries.executeUpdate();
        } catch (SQLException e) {
            throw new StoreException("moving the queue of " + from + " to " + to, e);
        }
    }

    private List<LoggedPart> select(String sql, String what, Object... args) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                ps.setObject(i + 1, args[i]);
            }
            List<LoggedPart> parts = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    parts.add(part(rs));
                }
            }
            return parts;
        } catch (SQLException e) {
            throw new StoreException(what, e);
        }
    }

    private static LoggedPart part(ResultSet rs) throws SQLException {
        long dueAt = rs.getLong(7);
        long reportAt = rs.getLong(15);
        Long reportedAt = rs.wasNull() ? null : reportAt;
        return new LoggedPart(rs.getLong(1), rs.getLong(2), MessageState.ofCode(rs.getInt(3)), rs.getString(4),
                rs.getString(5), rs.getInt(6), dueAt == PARKED ? null : dueAt, rs.getInt(8), rs.getString(9),
                rs.getString(10), rs.getString(11), rs.getLong(12), rs.getLong(13), rs.getString(14), reportedAt,
                rs.getString(16));
    }
}
