package org.openemg.ejb.store;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hibernate.StatelessSession;
import org.openemg.core.message.MessageState;

/**
 * Finds the messages that some of their parts' state changes just finished (a message counts when its
 * last part is final), and records which were reported, in the caller's transaction, so that a repeated
 * receipt or a late result finds its message reported already.
 */
@ApplicationScoped
public class FinishedMessages {

    @Inject
    StoreSessions sessions;

    /** Of the messages these parts belong to, those final as a whole. */
    public List<FinishedMessage> finishedBy(Collection<Long> partIds) {
        if (partIds.isEmpty()) {
            return List.of();
        }
        return sessions.writeAndGet("finding the messages " + partIds.size() + " parts finished",
                session -> wholeAndFinal(session, parents(session, partIds)));
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

    private static List<Long> parents(StatelessSession session, Collection<Long> partIds) {
        List<Long> parents = new ArrayList<>();
        for (List<Long> chunk : MessageRows.chunks(partIds)) {
            parents.addAll(session.createSelectionQuery("select distinct p.parentId from MessagePart p where p.id in :ids",
                            Long.class)
                    .setParameter("ids", chunk)
                    .getResultList());
        }
        return parents;
    }

    private static List<FinishedMessage> wholeAndFinal(StatelessSession session, List<Long> parents) {
        Map<Long, FinishedMessage> byParent = new LinkedHashMap<>();
        List<Long> unfinished = new ArrayList<>();
        for (List<Long> chunk : MessageRows.chunks(parents)) {
            List<Object[]> parts = session.createSelectionQuery("select p.parentId, p.id, p.state, p.options, p.createdAt,"
                            + " p.updatedAt, p.reportError from MessagePart p where p.parentId in :parents order by p.parentId, p.id", Object[].class)
                    .setParameter("parents", chunk)
                    .getResultList();
            for (Object[] part : parts) {
                long parentId = (Long) part[0];
                MessageState state = (MessageState) part[2];
                if (!state.isFinal()) {
                    unfinished.add(parentId);
                }
                FinishedMessage whole = byParent.get(parentId);
                if (whole == null) {
                    byParent.put(parentId, new FinishedMessage(parentId, (String) part[3], state, (Long) part[4], (Long) part[5],
                            (String) part[6]));
                } else {
                    // the SMSC's error of the first part that gave one: the part that failed names why
                    byParent.put(parentId, new FinishedMessage(parentId, whole.options(), PartStates.worse(whole.state(), state),
                            whole.acceptedAt(), Math.max(whole.finishedAt(), (Long) part[5]),
                            whole.error() != null ? whole.error() : (String) part[6]));
                }
            }
        }
        unfinished.forEach(byParent::remove);
        return List.copyOf(byParent.values());
    }
}
