package org.openemg.ejb.store;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.openemg.core.id.MessageIds;
import org.openemg.core.message.MessageState;

/**
 * Finds the messages that some of their parts' state changes just finished (a message counts when its
 * last part is final), and records which were reported, in the caller's transaction, so that a repeated
 * receipt or a late result finds its message reported already.
 */
@ApplicationScoped
public class FinishedMessages {

    /** What a part adds to its message, as {@link #merge} reads it. */
    private static final String WHOLE_COLUMNS = "state, options, created_at, updated_at, report_error";

    @Inject
    StoreSessions sessions;

    /** Of the messages these parts belong to, those final as a whole. */
    public List<FinishedMessage> finishedBy(Collection<Long> partIds) {
        if (partIds.isEmpty()) {
            return List.of();
        }
        return sessions.jdbc("finding the messages " + partIds.size() + " parts finished",
                c -> wholeAndFinal(c, partIds));
    }

    /** Records the message as reported by the DLR {@code dlrId} (null: none had a way back); false when it was already. */
    public boolean markReported(long messageId, long now, Long dlrId) {
        return markReported(Collections.singletonMap(messageId, dlrId), now).contains(messageId);
    }

    /**
     * Records each message as reported by its DLR (null: none had a way back), in one statement batch; answers
     * those not reported before. Plain JDBC: through Hibernate a native statement per message cost more than the
     * rest of a receipt's DLR.
     */
    public Set<Long> markReported(Map<Long, Long> dlrIdByMessage, long now) {
        String sql = "INSERT INTO emg_reported_message (message_id, reported_at, dlr_id)"
                + " SELECT ?, ?, ? WHERE NOT EXISTS (SELECT 1 FROM emg_reported_message WHERE message_id = ?)";
        List<Map.Entry<Long, Long>> marks = new ArrayList<>(dlrIdByMessage.entrySet());
        return sessions.jdbc("recording the DLRs of " + marks.size() + " messages", c -> {
            int[] inserted = JdbcBatch.run(c, sql, marks, (ps, mark) -> {
                ps.setLong(1, mark.getKey());
                ps.setLong(2, now);
                if (mark.getValue() == null) {
                    ps.setNull(3, Types.BIGINT);
                } else {
                    ps.setLong(3, mark.getValue());
                }
                ps.setLong(4, mark.getKey());
            });
            Set<Long> marked = new HashSet<>();
            for (int i = 0; i < inserted.length; i++) {
                if (inserted[i] > 0) {
                    marked.add(marks.get(i).getKey());
                }
            }
            return marked;
        });
    }

    /** Each part as the message it belongs to (its own options and state): what an intermediate DLR reports on. */
    public List<FinishedMessage> partsAsMessages(Collection<Long> partIds) {
        if (partIds.isEmpty()) {
            return List.of();
        }
        return sessions.writeAndGet("reading " + partIds.size() + " parts", session -> {
            List<FinishedMessage> parts = new ArrayList<>();
            for (List<Long> chunk : MessageRows.chunks(partIds)) {
                for (Object[] part : session.createSelectionQuery("select p.parentId, p.options, p.state, p.createdAt,"
                                + " p.updatedAt, p.reportError from MessagePart p where p.id in :ids order by p.id", Object[].class)
                        .setParameter("ids", chunk)
                        .getResultList()) {
                    parts.add(new FinishedMessage((Long) part[0], (String) part[1], (MessageState) part[2], (Long) part[3],
                            (Long) part[4], (String) part[5]));
                }
            }
            return parts;
        });
    }

    /**
     * Every part of the parts' messages: the parts themselves in one query per chunk (by the primary key), and the other
     * parts of a message of several by the range of ids they lie in. Plain JDBC: through Hibernate the queries cost
     * twice what H2 took.
     */
    private static List<FinishedMessage> wholeAndFinal(Connection c, Collection<Long> partIds) throws SQLException {
        Map<Long, FinishedMessage> byParent = new TreeMap<>();
        Set<Long> unfinished = new HashSet<>();
        Map<Long, Long> lastPartOfSpread = new TreeMap<>();
        for (List<Long> chunk : MessageRows.chunks(partIds)) {
            IdList chunkIds = IdList.of(c, chunk);
            try (PreparedStatement ps = c.prepareStatement("SELECT parent_id, part_count, " + WHOLE_COLUMNS
                    + " FROM emg_message WHERE " + chunkIds.condition("id"))) {
                chunkIds.bind(ps, 1);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        long parentId = rs.getLong(1);
                        int partCount = rs.getInt(2);
                        if (partCount == 1) {
                            merge(byParent, unfinished, parentId, rs, 3);
                        } else {
                            // a count of 0 is a part stored before counts were: its message may span the whole range
                            lastPartOfSpread.put(parentId, partCount == 0 ? MessageIds.lastPartId(parentId) : parentId + partCount - 1);
                        }
                    }
                }
            }
        }
        if (!lastPartOfSpread.isEmpty()) {
            try (PreparedStatement ps = c.prepareStatement("SELECT " + WHOLE_COLUMNS
                    + " FROM emg_message WHERE " + PartsOf.SQL + " ORDER BY id")) {
                for (Map.Entry<Long, Long> message : lastPartOfSpread.entrySet()) {
                    PartsOf.bind(ps, 1, message.getKey(), message.getValue());
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            merge(byParent, unfinished, message.getKey(), rs, 1);
                        }
                    }
                }
            }
        }
        unfinished.forEach(byParent::remove);
        return List.copyOf(byParent.values());
    }

    /** Adds a part (the {@link #WHOLE_COLUMNS} from {@code column} on) to its message, parts in the order of their ids. */
    private static void merge(Map<Long, FinishedMessage> byParent, Set<Long> unfinished, long parentId, ResultSet rs, int column)
            throws SQLException {
        MessageState state = MessageState.ofCode(rs.getInt(column));
        if (!state.isFinal()) {
            unfinished.add(parentId);
        }
        FinishedMessage whole = byParent.get(parentId);
        if (whole == null) {
            byParent.put(parentId, new FinishedMessage(parentId, rs.getString(column + 1), state, rs.getLong(column + 2),
                    rs.getLong(column + 3), rs.getString(column + 4)));
        } else {
            // the SMSC's error of the first part that gave one: the part that failed names why
            byParent.put(parentId, new FinishedMessage(parentId, whole.options(), PartStates.worse(whole.state(), state),
                    whole.acceptedAt(), Math.max(whole.finishedAt(), rs.getLong(column + 3)),
                    whole.error() != null ? whole.error() : rs.getString(column + 4)));
        }
    }
}
