package org.openemg.ejb.store;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.hibernate.StatelessSession;
import org.openemg.core.account.Refund;
import org.openemg.core.id.MessageIds;
import org.openemg.core.message.MessageState;
import org.openemg.core.message.MessageStatus;
import org.openemg.core.retry.RetryBackoff;
import org.openemg.core.routing.RoutePartners;

/**
 * The message table for the hot path and for /bin/status: inserts and state changes in the caller's
 * transaction, batched (one JDBC batch per group of rows, one UPDATE per group of ids), never one
 * transaction per message. Inserts and claims are plain JDBC on the session's connection: through
 * Hibernate each cost more than 10% more CPU than that, as measured (bench/RESULTS.md).
 */
@ApplicationScoped
public class MessageRows {

    /** Ids per IN list: few statements per group, and well below PostgreSQL's limit on parameters. */
    private static final int IDS_PER_STATEMENT = 500;
    private static final int QUEUED = MessageState.QUEUED.code();
    private static final int INFLIGHT = MessageState.INFLIGHT.code();
    /** The due time of a parked row: never, until a bind releases it. */
    static final long PARKED = Long.MAX_VALUE;
    /**
     * A part still in the queue (QUEUED or INFLIGHT, adjacent codes) as a range of the claim's index: H2 reads
     * "queue_state IN (0, 1)" by walking all the connector's entries (1.18 million settled parts, 816 ms), a range by
     * reading only the unsettled ones.
     */
    static final String UNSETTLED = "queue_state BETWEEN " + QUEUED + " AND " + INFLIGHT;

    @Inject
    StoreSessions sessions;

    public void insert(List<NewMessage> rows, long now) {
        insert(List.of(new QueuedBatch(rows, Set.of(), now)));
    }

    /** The paid rows of the batches, each stamped with its batch's acceptance time, in one JDBC batch. */
    public void insert(List<QueuedBatch> batches) {
        List<StampedRow> rows = new ArrayList<>();
        for (QueuedBatch batch : batches) {
            for (NewMessage row : batch.billing().paid(batch.rows())) {
                rows.add(new StampedRow(row, batch.acceptedAt()));
            }
        }
        if (rows.isEmpty()) {
            return;
        }
        String sql = "INSERT INTO emg_message (id, parent_id, state, in_connector, out_connector, priority, due_at,"
                + " expires_at, attempts, destaddr, username, created_at, updated_at, options, lease_until, charge, partners, part_count)"
                + " VALUES (?,?,?,?,?,?,?,?,0,?,?,?,?,?,?,?,?,?)";
        sessions.jdbc("inserting " + rows.size() + " messages", c -> JdbcBatch.run(c, sql, rows, (ps, stamped) -> {
            NewMessage row = stamped.row();
            ps.setLong(1, row.id());
            ps.setLong(2, row.parentId());
            ps.setInt(3, row.leaseUntil() == null ? QUEUED : INFLIGHT);
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
            ps.setLong(11, stamped.at());
            ps.setLong(12, stamped.at());
            ps.setString(13, row.options());
            if (row.leaseUntil() == null) {
                ps.setNull(14, Types.BIGINT);
            } else {
                ps.setLong(14, row.leaseUntil());
            }
            if (row.charge() == null) {
                ps.setNull(15, Types.NUMERIC);
            } else {
                ps.setBigDecimal(15, row.charge());
            }
            ps.setString(16, row.partners());
            ps.setInt(17, row.partCount());
        }));
    }

    private record StampedRow(NewMessage row, long at) {
    }

    /**
     * Moves up to {@code limit} due QUEUED rows of the connector to INFLIGHT, highest priority first.
     * One dispatcher claims for a connector on this node, so no row lock is taken; the update checks
     * the state, and only rows it moved are handed out.
     */
    public Claim claim(String connector, int limit, long now, long leaseUntil) {
        String select = dueRows(limit);
        String update = "UPDATE emg_message SET state = ?, lease_until = ?, updated_at = ? WHERE id = ? AND state = ?";
        return sessions.writeAndGet("claiming messages of " + connector, session -> {
            List<ClaimedPart> candidates = new ArrayList<>();
            List<Long> expired = new ArrayList<>();
            session.doWork(c -> {
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
                                candidates.add(new ClaimedPart(rs.getLong(1), rs.getString(2), rs.getInt(3), rs.getInt(5)));
                            }
                        }
                    }
                }
            });
            setState(session, expired, MessageState.QUEUED, PartReport.own(MessageState.EXPIRED, now, null));
            int[] moved = session.doReturningWork(c -> JdbcBatch.run(c, update, candidates, (ps, part) -> {
                ps.setInt(1, INFLIGHT);
                ps.setLong(2, leaseUntil);
                ps.setLong(3, now);
                ps.setLong(4, part.id());
                ps.setInt(5, QUEUED);
            }));
            List<ClaimedPart> claimed = new ArrayList<>(candidates.size());
            for (int i = 0; i < moved.length; i++) {
                if (moved[i] != 0) {
                    claimed.add(candidates.get(i));
                }
            }
            return new Claim(claimed, expired);
        });
    }

    /** The claim's query: (connector, QUEUED, now) as parameters. */
    static String dueRows(int limit) {
        return "SELECT id, options, attempts, expires_at, priority FROM emg_message WHERE out_connector = ? AND queue_state = ?"
                + " AND due_at <= ?"
                // the constant columns lead the ORDER BY so that H2 reads emg_message_due in order and stops at the limit
                + " ORDER BY out_connector, queue_state, priority DESC, due_at, id FETCH FIRST " + limit + " ROWS ONLY";
    }

    /** The final state of parts this node had in flight; a part no longer INFLIGHT (a late, repeated answer) keeps its state. */
    public void finish(Collection<Long> ids, MessageState state, long now) {
        finish(ids, state, now, null);
    }

    /** As {@link #finish(Collection, MessageState, long)}, with the peer's error code as the report's error. */
    public void finish(Collection<Long> ids, MessageState state, long now, String error) {
        if (ids.isEmpty()) {
            return;
        }
        sessions.write("setting " + ids.size() + " messages " + state,
                session -> setState(session, ids, MessageState.INFLIGHT, PartReport.own(state, now, error)));
    }

    /**
     * Moves the rows still in state {@code from} to the report's state, recording it as their last report; a part the
     * gateway could not hand over ({@link Refund}) gives its charge back to its account in the same transaction.
     */
    private static void setState(StatelessSession session, Collection<Long> ids, MessageState from, PartReport report) {
        List<Accounts.ChargedPart> charged = ids.isEmpty() || !Refund.due(from, report.state()) ? List.of()
                : session.doReturningWork(c -> Accounts.lockCharged(c, ids, from));
        for (List<Long> chunk : chunks(ids)) {
            session.doWork(c -> {
                IdList chunkIds = IdList.of(c, chunk);
                try (PreparedStatement ps = c.prepareStatement("UPDATE emg_message SET state = ?, lease_until = NULL,"
                        + " updated_at = ?, report_state = ?, report_at = ?, report_error = ?"
                        + " WHERE state = ? AND " + chunkIds.condition("id"))) {
                    ps.setInt(1, report.state().code());
                    ps.setLong(2, report.at());
                    ps.setString(3, report.messageState());
                    ps.setLong(4, report.at());
                    ps.setString(5, report.error());
                    ps.setInt(6, from.code());
                    chunkIds.bind(ps, 7);
                    ps.executeUpdate();
                }
            });
        }
        if (!charged.isEmpty()) {
            session.doWork(c -> Accounts.refund(c, charged, report.state()));
        }
    }

    /**
     * Queued parts whose VP ran out before they were claimed (those parked until a bind, deferred or waiting
     * for a retry) become EXPIRED, at most {@code limit} at a time; returns their ids. Per connector, through
     * the claim's index (out_connector, queue_state, ...): an index of its own would be rewritten by every state change.
     */
    public List<Long> expireOverdue(Collection<String> connectors, long now, int limit) {
        return sessions.writeAndGet("expiring queued messages", session -> {
            List<Long> overdue = new ArrayList<>();
            for (String connector : connectors) {
                if (overdue.size() < limit) {
                    overdue.addAll(session.createSelectionQuery("select p.id from MessagePart p where p.outConnector = :connector"
                                    + " and p.queueState = :queued and p.expiresAt <= :now", Long.class)
                            .setParameter("connector", connector)
                            .setParameter("queued", MessageState.QUEUED)
                            .setParameter("now", now)
                            .setMaxResults(limit - overdue.size())
                            .getResultList());
                }
            }
            setState(session, overdue, MessageState.QUEUED, PartReport.own(MessageState.EXPIRED, now, null));
            return overdue;
        });
    }

    /** When the connector's next queued row falls due; null when none is queued. */
    public Long nextDueAt(String connector) {
        return sessions.managed("finding the next due message of " + connector, em -> em.createQuery(
                        "select min(p.dueAt) from MessagePart p where p.outConnector = :connector and p.queueState = :queued", Long.class)
                .setParameter("connector", connector)
                .setParameter("queued", MessageState.QUEUED)
                .getSingleResult());
    }

    /** Back to the queue until {@link #releaseParked} (nobody bound can take them), without counting an attempt. */
    public void park(Collection<Long> ids, long now) {
        requeue(ids, PARKED, now);
    }

    /** Rows parked for the connector are due now (a client bound); returns how many. */
    public int releaseParked(String connector, long now) {
        return sessions.writeAndGet("releasing messages parked for " + connector, session -> session.createMutationQuery(
                        "update MessagePart p set p.dueAt = :now, p.updatedAt = :now"
                                + " where p.outConnector = :connector and p.queueState = :queued and p.dueAt = :parked")
                .setParameter("now", now)
                .setParameter("connector", connector)
                .setParameter("queued", MessageState.QUEUED)
                .setParameter("parked", PARKED)
                .executeUpdate());
    }

    /**
     * The SMSC's ids of parts the connector sent and it accepted, and the keys their receipts will be matched by. The
     * state guard keeps a part that moved on (delivered by an early receipt, failed) from going back to SUBMITTED;
     * QUEUED is allowed because an answer that comes after the lease ran out still spares the message a second send.
     * Only a part the update changed gets a key: the guard lets each part change once, so it never gets two.
     */
    public void markSubmitted(String connector, Map<Long, String> smscIds, long now) {
        if (smscIds.isEmpty()) {
            return;
        }
        String sql = "UPDATE emg_message SET smsc_id = ?, updated_at = ?, state = ?, lease_until = NULL"
                + " WHERE id = ? AND state IN (?, ?)";
        String key = "INSERT INTO emg_receipt_key (out_connector, smsc_id, message_id) VALUES (?, ?, ?)";
        List<Map.Entry<Long, String>> answers = new ArrayList<>(smscIds.entrySet());
        sessions.jdbc("recording " + answers.size() + " messages as submitted", c -> {
            int[] updated = JdbcBatch.run(c, sql, answers, (ps, e) -> {
                ps.setString(1, e.getValue());
                ps.setLong(2, now);
                ps.setInt(3, MessageState.SUBMITTED.code());
                ps.setLong(4, e.getKey());
                ps.setInt(5, INFLIGHT);
                ps.setInt(6, QUEUED);
            });
            List<Map.Entry<Long, String>> keyed = new ArrayList<>();
            for (int i = 0; i < updated.length; i++) {
                if (updated[i] > 0 && answers.get(i).getValue() != null) {
                    keyed.add(answers.get(i));
                }
            }
            return JdbcBatch.run(c, key, keyed, (ps, e) -> {
                ps.setString(1, connector);
                ps.setString(2, e.getValue());
                ps.setLong(3, e.getKey());
            });
        });
    }

    /** Back to the queue, due at {@code dueAt}, without counting an attempt (link lost, throttled). */
    public void requeue(Collection<Long> ids, long dueAt, long now) {
        if (ids.isEmpty()) {
            return;
        }
        sessions.write("requeueing " + ids.size() + " messages", session -> {
            for (List<Long> chunk : chunks(ids)) {
                session.createMutationQuery("update MessagePart p set p.state = :queued, p.dueAt = :due, p.leaseUntil = null,"
                                + " p.updatedAt = :now where p.id in :ids and p.state = :inflight")
                        .setParameter("queued", MessageState.QUEUED)
                        .setParameter("due", dueAt)
                        .setParameter("now", now)
                        .setParameter("ids", chunk)
                        .setParameter("inflight", MessageState.INFLIGHT)
                        .executeUpdate();
            }
        });
    }

    /**
     * After a temporary error: counts the attempt and requeues the row as {@code backoff} says for the number
     * of attempts it has had, or fails it once they are exhausted, the peer's {@code error} as its report;
     * returns the ids failed.
     */
    public List<Long> retryOrFail(Collection<Long> ids, RetryBackoff backoff, long now, String error) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return sessions.writeAndGet("retrying " + ids.size() + " messages", session -> {
            Map<Long, List<Long>> byDueAt = new HashMap<>();
            List<Long> failed = new ArrayList<>();
            for (List<Long> chunk : chunks(ids)) {
                List<Object[]> rows = session.createSelectionQuery("select p.id, p.attempts from MessagePart p"
                                + " where p.id in :ids and p.state = :inflight", Object[].class)
                        .setParameter("ids", chunk)
                        .setParameter("inflight", MessageState.INFLIGHT)
                        .getResultList();
                for (Object[] row : rows) {
                    int failures = (Integer) row[1] + 1;
                    if (backoff.exhausted(failures)) {
                        failed.add((Long) row[0]);
                    } else {
                        byDueAt.computeIfAbsent(now + backoff.delayAfter(failures), due -> new ArrayList<>()).add((Long) row[0]);
                    }
                }
            }
            for (List<Long> chunk : chunks(failed)) {
                session.createMutationQuery("update MessagePart p set p.attempts = p.attempts + 1 where p.id in :ids")
                        .setParameter("ids", chunk)
                        .executeUpdate();
            }
            setState(session, failed, MessageState.INFLIGHT, PartReport.own(MessageState.FAILED, now, error));
            byDueAt.forEach((dueAt, due) -> {
                for (List<Long> chunk : chunks(due)) {
                    session.createMutationQuery("update MessagePart p set p.attempts = p.attempts + 1, p.state = :queued,"
                                    + " p.dueAt = :due, p.leaseUntil = null, p.updatedAt = :now"
                                    + " where p.id in :ids and p.state = :inflight")
                            .setParameter("queued", MessageState.QUEUED)
                            .setParameter("due", dueAt)
                            .setParameter("now", now)
                            .setParameter("ids", chunk)
                            .setParameter("inflight", MessageState.INFLIGHT)
                            .executeUpdate();
                }
            });
            return failed;
        });
    }

    public int countInflight(String connector) {
        return sessions.managed("counting messages in flight on " + connector, em -> em.createQuery(
                        "select count(p) from MessagePart p where p.outConnector = :connector and p.queueState = :inflight", Long.class)
                .setParameter("connector", connector)
                .setParameter("inflight", MessageState.INFLIGHT)
                .getSingleResult()
                .intValue());
    }

    /** Every INFLIGHT row of the connectors back to the queue: at start-up on a single node nothing can be in flight. */
    public List<RequeuedPart> requeueAllInflight(Collection<String> connectors, long now) {
        return requeueExpiredLeases(connectors, Long.MAX_VALUE, now);
    }

    /** INFLIGHT rows whose lease ran out (a crash, a lost result) go back to the queue; returns which. */
    public List<RequeuedPart> requeueExpiredLeases(Collection<String> connectors, long now) {
        return requeueExpiredLeases(connectors, now, now);
    }

    /** Per connector, so that the claim's index (out_connector, queue_state, ...) finds the rows in flight. */
    private List<RequeuedPart> requeueExpiredLeases(Collection<String> connectors, long leaseBefore, long now) {
        return sessions.writeAndGet("requeueing expired leases", session -> {
            List<RequeuedPart> requeued = new ArrayList<>();
            for (String connector : connectors) {
                List<Object[]> rows = session.createQuery("select p.parentId, p.id, p.destAddr from MessagePart p"
                                + " where p.outConnector = :connector and p.queueState = :inflight and p.leaseUntil < :before",
                                Object[].class)
                        .setParameter("connector", connector)
                        .setParameter("inflight", MessageState.INFLIGHT)
                        .setParameter("before", leaseBefore)
                        .getResultList();
                if (rows.isEmpty()) {
                    continue;
                }
                List<Long> ids = rows.stream().map(row -> (Long) row[1]).toList();
                for (int from = 0; from < ids.size(); from += IDS_PER_STATEMENT) {
                    session.createMutationQuery("update MessagePart p set p.state = :queued, p.leaseUntil = null,"
                                    + " p.updatedAt = :now where p.id in :ids and p.state = :inflight")
                            .setParameter("queued", MessageState.QUEUED)
                            .setParameter("now", now)
                            .setParameter("ids", ids.subList(from, Math.min(ids.size(), from + IDS_PER_STATEMENT)))
                            .setParameter("inflight", MessageState.INFLIGHT)
                            .executeUpdate();
                }
                rows.forEach(row -> requeued.add(new RequeuedPart((Long) row[0], (Long) row[1], connector, (String) row[2])));
            }
            return requeued;
        });
    }

    /** Parts of each connector not yet settled (QUEUED or INFLIGHT): the depth of its queue. */
    public Map<String, Integer> countUnsettled(Collection<String> connectors) {
        Map<String, Map<MessageState, Integer>> depths = unsettledByState(connectors);
        Map<String, Integer> counts = new HashMap<>();
        for (String connector : connectors) {
            counts.put(connector, depths.getOrDefault(connector, Map.of()).values().stream().mapToInt(Integer::intValue).sum());
        }
        return counts;
    }

    /** The unsettled parts of each connector that has any, by state: one count per connector through the claim's index. */
    public Map<String, Map<MessageState, Integer>> unsettledByState(Collection<String> connectors) {
        return sessions.managed("counting queued messages", em -> {
            Map<String, Map<MessageState, Integer>> depths = new HashMap<>();
            for (String connector : connectors) {
                List<?> found = em.createNativeQuery("SELECT queue_state, COUNT(*) FROM emg_message WHERE out_connector = ? AND "
                                + UNSETTLED + " GROUP BY queue_state")
                        .setParameter(1, connector)
                        .getResultList();
                for (Object row : found) {
                    Object[] columns = (Object[]) row;
                    depths.computeIfAbsent(connector, k -> new HashMap<>())
                            .put(MessageState.ofCode(((Number) columns[0]).intValue()), ((Number) columns[1]).intValue());
                }
            }
            return depths;
        });
    }

    /** The partners named by the connector's queued rows, in order of first mention. */
    public List<String> partnersOfQueued(String connector) {
        List<String> columns = sessions.managed("reading the partners of " + connector, em -> em.createQuery(
                        "select distinct p.partners from MessagePart p where p.outConnector = :connector and p.queueState = :queued"
                                + " and p.partners is not null", String.class)
                .setParameter("connector", connector)
                .setParameter("queued", MessageState.QUEUED)
                .getResultList());
        List<String> partners = new ArrayList<>();
        for (String column : columns) {
            for (String partner : RoutePartners.decode(column)) {
                if (!partners.contains(partner)) {
                    partners.add(partner);
                }
            }
        }
        return partners;
    }

    /**
     * The queued rows of {@code from} that name {@code to} as a partner leave by {@code to} from now on, and
     * name {@code from} as a partner instead; rows parked for a bind are due at once there. Returns how many moved.
     */
    public int moveToPartner(String from, String to, long now) {
        String sql = "UPDATE emg_message SET out_connector = ?, partners = REPLACE(partners, ?, ?),"
                + " due_at = CASE WHEN due_at = ? THEN ? ELSE due_at END, updated_at = ?"
                + " WHERE out_connector = ? AND queue_state = ? AND partners LIKE ? ESCAPE '" + RoutePartners.ESCAPE + "'";
        return sessions.writeAndGet("moving messages of " + from + " to " + to, session -> session.doReturningWork(c -> {
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                ps.setString(1, to);
                ps.setString(2, "," + to + ",");
                ps.setString(3, "," + from + ",");
                ps.setLong(4, PARKED);
                ps.setLong(5, now);
                ps.setLong(6, now);
                ps.setString(7, from);
                ps.setInt(8, QUEUED);
                ps.setString(9, RoutePartners.containing(to));
                return ps.executeUpdate();
            }
        }));
    }

    public Optional<MessageStatus> status(long id) {
        List<Object[]> parts = sessions.managed("reading message " + id, em -> em.createQuery(
                        "select p.state, p.destAddr, p.inConnector, p.outConnector, p.smscId, p.attempts, p.createdAt, p.updatedAt"
                                + " from MessagePart p where " + PartsOf.JPQL + " order by p.id", Object[].class)
                .setParameter("id", id)
                .setParameter("lastPart", MessageIds.lastPartId(id))
                .getResultList());
        MessageStatus whole = null;
        for (Object[] p : parts) {
            MessageStatus part = new MessageStatus(id, (MessageState) p[0], (String) p[1], (String) p[2], (String) p[3],
                    (String) p[4], (Integer) p[5], Instant.ofEpochMilli((Long) p[6]), Instant.ofEpochMilli((Long) p[7]));
            whole = whole == null ? part : PartStates.combine(whole, part);
        }
        return Optional.ofNullable(whole);
    }

    static List<List<Long>> chunks(Collection<Long> ids) {
        List<Long> all = List.copyOf(ids);
        List<List<Long>> chunks = new ArrayList<>();
        for (int from = 0; from < all.size(); from += IDS_PER_STATEMENT) {
            chunks.add(all.subList(from, Math.min(all.size(), from + IDS_PER_STATEMENT)));
        }
        return chunks;
    }
}
