package org.openemg.ejb.store;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.ResultSet;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
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
 * Hibernate each cost more than 10% more CPU than that, as measured (bench/RESULTS.md). A part waiting to be claimed,
 * or claimed, also has a row in the queue table ({@link QueueRows}); a part handed to its dispatcher in memory has none,
 * only its insert's hand-over range ({@link HandOvers}), so that the hot path writes no index entry beside its own.
 */
@ApplicationScoped
public class MessageRows {

    /** Ids per IN list: few statements per group, and well below PostgreSQL's limit on parameters. */
    private static final int IDS_PER_STATEMENT = 500;
    private static final int QUEUED = MessageState.QUEUED.code();
    private static final int INFLIGHT = MessageState.INFLIGHT.code();
    /** The due time of a parked row: never, until a bind releases it. */
    static final long PARKED = Long.MAX_VALUE;

    @Inject
    StoreSessions sessions;
    /** One per deployment, as this bean is: what this node handed over in memory and has not settled yet. */
    private final HandOvers handOvers = new HandOvers(undo -> sessions.onRollback(undo));

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
        List<NewMessage> queued = new ArrayList<>();
        List<NewMessage> handed = new ArrayList<>();
        rows.forEach(stamped -> (stamped.row().leaseUntil() == null ? queued : handed).add(stamped.row()));
        sessions.jdbc("inserting " + rows.size() + " messages", c -> {
            insertRows(c, rows);
            QueueRows.insert(c, queued);
            handOvers.open(c, handed);
            return null;
        });
    }

    private static void insertRows(Connection c, List<StampedRow> rows) throws SQLException {
        String sql = "INSERT INTO emg_message (id, parent_id, state, in_connector, out_connector, priority, due_at,"
                + " expires_at, attempts, destaddr, username, created_at, updated_at, options, lease_until, charge, partners, part_count)"
                + " VALUES (?,?,?,?,?,?,?,?,0,?,?,?,?,?,?,?,?,?)";
        JdbcBatch.run(c, sql, rows, (ps, stamped) -> {
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
        });
    }

    private record StampedRow(NewMessage row, long at) {
    }

    /**
     * Moves up to {@code limit} due QUEUED rows of the connector to INFLIGHT, claimed by {@code node}, highest priority
     * first. One dispatcher claims for a connector on a node, so no row lock is taken; the update checks the state, and
     * only rows it moved are handed out.
     */
    public Claim claim(int node, String connector, int limit, long now, long leaseUntil) {
        String update = "UPDATE emg_message SET state = ?, lease_until = ?, updated_at = ? WHERE id = ? AND state = ?";
        return sessions.writeAndGet("claiming messages of " + connector, session -> {
            List<ClaimedPart> candidates = new ArrayList<>();
            List<Long> expired = new ArrayList<>();
            session.doWork(c -> {
                List<Long> due = new ArrayList<>();
                try (PreparedStatement ps = c.prepareStatement(dueRows(limit))) {
                    ps.setString(1, connector);
                    ps.setInt(2, QUEUED);
                    ps.setLong(3, now);
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            due.add(rs.getLong(1));
                        }
                    }
                }
                if (due.isEmpty()) {
                    return;
                }
                Map<Long, ClaimedPart> parts = new HashMap<>();
                IdList dueIds = IdList.of(c, due);
                try (PreparedStatement ps = c.prepareStatement("SELECT id, options, attempts, expires_at, priority FROM emg_message"
                        + " WHERE state = ? AND " + dueIds.condition("id"))) {
                    ps.setInt(1, QUEUED);
                    dueIds.bind(ps, 2);
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            long expiresAt = rs.getLong(4);
                            if (!rs.wasNull() && expiresAt <= now) {
                                expired.add(rs.getLong(1));
                            } else {
                                parts.put(rs.getLong(1), new ClaimedPart(rs.getLong(1), rs.getString(2), rs.getInt(3), rs.getInt(5)));
                            }
                        }
                    }
                }
                for (Long id : due) {
                    ClaimedPart part = parts.get(id);
                    if (part != null) {
                        candidates.add(part);
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
            session.doWork(c -> QueueRows.claimed(c, claimed.stream().map(ClaimedPart::id).toList(), node));
            return new Claim(claimed, expired);
        });
    }

    /** The claim's query, the ids in the order they are due: (connector, QUEUED, now) as parameters. */
    static String dueRows(int limit) {
        return "SELECT id FROM emg_queue WHERE out_connector = ? AND queue_state = ? AND due_at <= ?"
                // the constant columns lead the ORDER BY so that H2 reads emg_queue_due in order and stops at the limit
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
    private void setState(StatelessSession session, Collection<Long> ids, MessageState from, PartReport report) {
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
        session.doWork(c -> leftQueue(c, ids, from));
    }

    /** The parts left {@code from} (QUEUED or INFLIGHT) for a state out of the queue, or tried to: settled. */
    private void leftQueue(Connection c, Collection<Long> ids, MessageState from) throws SQLException {
        if (ids.isEmpty()) {
            return;
        }
        Set<Long> handed = from == MessageState.INFLIGHT ? handOvers.settle(c, ids) : Set.of();
        QueueRows.remove(c, handed.isEmpty() ? ids : ids.stream().filter(id -> !handed.contains(id)).toList(), from);
    }

    /**
     * Queued parts whose VP ran out before they were claimed (those parked until a bind, deferred or waiting
     * for a retry) become EXPIRED, at most {@code limit} at a time; returns their ids. Per connector, through
     * the claim's index (out_connector, queue_state, ...) and the expiry of each queued part.
     */
    public List<Long> expireOverdue(Collection<String> connectors, long now, int limit) {
        return sessions.writeAndGet("expiring queued messages", session -> {
            List<Long> overdue = new ArrayList<>();
            for (String connector : connectors) {
                if (overdue.size() < limit) {
                    overdue.addAll(session.createSelectionQuery("select q.id from QueueEntry q join MessagePart p on p.id = q.id"
                                    + " where q.outConnector = :connector and q.queueState = :queued and p.expiresAt <= :now", Long.class)
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
                        "select min(q.dueAt) from QueueEntry q where q.outConnector = :connector and q.queueState = :queued", Long.class)
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
        String parked = " where q.outConnector = :connector and q.queueState = :queued and q.dueAt = :parked";
        return sessions.writeAndGet("releasing messages parked for " + connector, session -> {
            session.createMutationQuery("update MessagePart p set p.dueAt = :now, p.updatedAt = :now"
                            + " where p.id in (select q.id from QueueEntry q" + parked + ")")
                    .setParameter("now", now)
                    .setParameter("connector", connector)
                    .setParameter("queued", MessageState.QUEUED)
                    .setParameter("parked", PARKED)
                    .executeUpdate();
            return session.createMutationQuery("update QueueEntry q set q.dueAt = :now" + parked)
                    .setParameter("now", now)
                    .setParameter("connector", connector)
                    .setParameter("queued", MessageState.QUEUED)
                    .setParameter("parked", PARKED)
                    .executeUpdate();
        });
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
            List<Long> submitted = new ArrayList<>();
            for (int i = 0; i < updated.length; i++) {
                if (updated[i] > 0) {
                    submitted.add(answers.get(i).getKey());
                    if (answers.get(i).getValue() != null) {
                        keyed.add(answers.get(i));
                    }
                }
            }
            // a part the update left alone had settled before, so every answered part leaves its hand-over
            Set<Long> handed = handOvers.settle(c, smscIds.keySet());
            QueueRows.delete(c, submitted.stream().filter(id -> !handed.contains(id)).toList());
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
        sessions.write("requeueing " + ids.size() + " messages", session -> backInQueue(session, ids, dueAt, now));
    }

    /** The parts still INFLIGHT go back to the queue, due at {@code dueAt}. */
    private void backInQueue(StatelessSession session, Collection<Long> ids, long dueAt, long now) {
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
        session.doWork(c -> backInQueue(c, ids));
    }

    /** The parts went back from INFLIGHT to QUEUED, or tried to: their queue rows as they now are. */
    private void backInQueue(Connection c, Collection<Long> ids) throws SQLException {
        handOvers.settle(c, ids);
        QueueRows.mirror(c, ids);
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
            List<Long> tried = new ArrayList<>();
            for (List<Long> chunk : chunks(ids)) {
                List<Object[]> rows = session.createSelectionQuery("select p.id, p.attempts from MessagePart p"
                                + " where p.id in :ids and p.state = :inflight", Object[].class)
                        .setParameter("ids", chunk)
                        .setParameter("inflight", MessageState.INFLIGHT)
                        .getResultList();
                for (Object[] row : rows) {
                    int failures = (Integer) row[1] + 1;
                    tried.add((Long) row[0]);
                    if (backoff.exhausted(failures)) {
                        failed.add((Long) row[0]);
                    } else {
                        byDueAt.computeIfAbsent(now + backoff.delayAfter(failures), due -> new ArrayList<>()).add((Long) row[0]);
                    }
                }
            }
            for (List<Long> chunk : chunks(tried)) {
                session.createMutationQuery("update MessagePart p set p.attempts = p.attempts + 1 where p.id in :ids")
                        .setParameter("ids", chunk)
                        .executeUpdate();
            }
            setState(session, failed, MessageState.INFLIGHT, PartReport.own(MessageState.FAILED, now, error));
            byDueAt.forEach((dueAt, due) -> backInQueue(session, due, dueAt, now));
            return failed;
        });
    }

    /** Parts of the connector INFLIGHT: claimed from the queue, and handed over in memory on this node. */
    public int countInflight(String connector) {
        long claimed = sessions.managed("counting messages in flight on " + connector, em -> em.createQuery(
                        "select count(q) from QueueEntry q where q.outConnector = :connector and q.queueState = :inflight", Long.class)
                .setParameter("connector", connector)
                .setParameter("inflight", MessageState.INFLIGHT)
                .getSingleResult());
        return (int) claimed + handOvers.unsettledByConnector().getOrDefault(connector, 0);
    }

    /**
     * At start-up: the INFLIGHT parts {@code node} claimed for the connectors or handed over before it stopped go back to
     * the queue (nothing of its own can be in flight yet), and any other whose lease ran out. Another node's parts under
     * a live lease stay with that node, which may still be sending them.
     */
    public List<RequeuedPart> requeueInflightOf(int node, Collection<String> connectors, long now) {
        return requeueExpiredLeases(connectors, Optional.of(node), now);
    }

    /** INFLIGHT parts whose lease ran out (a crash, a lost result) go back to the queue, due now; returns which. */
    public List<RequeuedPart> requeueExpiredLeases(Collection<String> connectors, long now) {
        return requeueExpiredLeases(connectors, Optional.empty(), now);
    }

    /** @param starting the node starting up, whose own parts go back whatever their lease */
    private List<RequeuedPart> requeueExpiredLeases(Collection<String> connectors, Optional<Integer> starting, long now) {
        return sessions.writeAndGet("requeueing expired leases", session -> {
            List<RequeuedPart> requeued = new ArrayList<>();
            // claims older than the claimer's column were one node's, as all claims were then
            String own = starting.isPresent() ? " or q.claimedBy = :node or q.claimedBy is null" : "";
            for (String connector : connectors) {
                var query = session.createQuery("select p.parentId, p.id, p.destAddr from QueueEntry q"
                                + " join MessagePart p on p.id = q.id"
                                + " where q.outConnector = :connector and q.queueState = :inflight and (p.leaseUntil < :now" + own + ")",
                                Object[].class)
                        .setParameter("connector", connector)
                        .setParameter("inflight", MessageState.INFLIGHT)
                        .setParameter("now", now);
                starting.ifPresent(node -> query.setParameter("node", node));
                query.getResultList()
                        .forEach(row -> requeued.add(new RequeuedPart((Long) row[0], (Long) row[1], connector, (String) row[2])));
            }
            session.doWork(c -> requeued.addAll(lapsedHandOvers(c, starting, now)));
            backInQueue(session, requeued.stream().map(RequeuedPart::partId).toList(), now, now);
            return requeued;
        });
    }

    /**
     * The parts still INFLIGHT without a queue row in the hand-over ranges whose lease ran out, or that the starting
     * node inserted (ids carry their node), of any connector; the ranges are deleted, as their parts are about to be queued.
     */
    private List<RequeuedPart> lapsedHandOvers(Connection c, Optional<Integer> starting, long now) throws SQLException {
        List<long[]> ranges = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT first_id, last_id FROM emg_hand_over WHERE lease_until < ?"
                + (starting.isPresent() ? " OR first_id BETWEEN ? AND ?" : ""))) {
            ps.setLong(1, now);
            if (starting.isPresent()) {
                ps.setLong(2, MessageIds.compose(starting.get(), 0));
                ps.setLong(3, MessageIds.compose(starting.get(), MessageIds.MAX_SEQUENCE));
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    ranges.add(new long[] {rs.getLong(1), rs.getLong(2)});
                }
            }
        }
        List<RequeuedPart> lapsed = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT parent_id, id, out_connector, destaddr FROM emg_message m"
                + " WHERE id BETWEEN ? AND ? AND state = ? AND NOT EXISTS (SELECT 1 FROM emg_queue q WHERE q.id = m.id)")) {
            for (long[] range : ranges) {
                ps.setLong(1, range[0]);
                ps.setLong(2, range[1]);
                ps.setInt(3, INFLIGHT);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        lapsed.add(new RequeuedPart(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4)));
                    }
                }
            }
        }
        JdbcBatch.run(c, "DELETE FROM emg_hand_over WHERE first_id = ?", ranges, (ps, range) -> ps.setLong(1, range[0]));
        handOvers.forgetLapsed(now);
        return lapsed;
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

    /**
     * The unsettled parts of each connector that has any, by state: one count per connector through the claim's index,
     * and the parts this node handed over in memory (INFLIGHT).
     */
    public Map<String, Map<MessageState, Integer>> unsettledByState(Collection<String> connectors) {
        Map<String, Integer> handed = handOvers.unsettledByConnector();
        return sessions.managed("counting queued messages", em -> {
            Map<String, Map<MessageState, Integer>> depths = new HashMap<>();
            for (String connector : connectors) {
                List<Object[]> found = em.createQuery("select q.queueState, count(q) from QueueEntry q"
                                + " where q.outConnector = :connector group by q.queueState", Object[].class)
                        .setParameter("connector", connector)
                        .getResultList();
                for (Object[] columns : found) {
                    depths.computeIfAbsent(connector, k -> new HashMap<>())
                            .put((MessageState) columns[0], ((Number) columns[1]).intValue());
                }
                int inMemory = handed.getOrDefault(connector, 0);
                if (inMemory > 0) {
                    depths.computeIfAbsent(connector, k -> new HashMap<>()).merge(MessageState.INFLIGHT, inMemory, Integer::sum);
                }
            }
            return depths;
        });
    }

    /** The ids of the connector's parts handed over in memory on this node and not settled yet. */
    List<Long> handedOver(String connector) {
        return handOvers.unsettledIds(connector);
    }

    /** The partners named by the connector's queued rows, in order of first mention. */
    public List<String> partnersOfQueued(String connector) {
        List<String> columns = sessions.managed("reading the partners of " + connector, em -> em.createQuery(
                        "select distinct p.partners from QueueEntry q join MessagePart p on p.id = q.id"
                                + " where q.outConnector = :connector and q.queueState = :queued and p.partners is not null", String.class)
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
        String select = "SELECT q.id FROM emg_queue q JOIN emg_message m ON m.id = q.id"
                + " WHERE q.out_connector = ? AND q.queue_state = ? AND m.partners LIKE ? ESCAPE '" + RoutePartners.ESCAPE + "'";
        String update = "UPDATE emg_message SET out_connector = ?, partners = REPLACE(partners, ?, ?),"
                + " due_at = CASE WHEN due_at = ? THEN ? ELSE due_at END, updated_at = ? WHERE id = ? AND state = ?";
        return sessions.writeAndGet("moving messages of " + from + " to " + to, session -> session.doReturningWork(c -> {
            List<Long> ids = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(select)) {
                ps.setString(1, from);
                ps.setInt(2, QUEUED);
                ps.setString(3, RoutePartners.containing(to));
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        ids.add(rs.getLong(1));
                    }
                }
            }
            int[] moved = JdbcBatch.run(c, update, ids, (ps, id) -> {
                ps.setString(1, to);
                ps.setString(2, "," + to + ",");
                ps.setString(3, "," + from + ",");
                ps.setLong(4, PARKED);
                ps.setLong(5, now);
                ps.setLong(6, now);
                ps.setLong(7, id);
                ps.setInt(8, QUEUED);
            });
            QueueRows.mirror(c, ids);
            return Arrays.stream(moved).map(count -> count == 0 ? 0 : 1).sum();
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
