package org.openemg.ejb.store;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.hibernate.StatelessSession;
import org.openemg.core.message.MessageState;
import org.openemg.core.message.MessageStatus;

/**
 * The message table for the hot path and for /bin/status: inserts and state changes in the caller's
 * transaction, batched (one JDBC batch per group of rows, one UPDATE per group of ids), never one
 * transaction per message.
 */
@ApplicationScoped
public class MessageRows {

    /** Ids per IN list: few statements per group, and well below PostgreSQL's limit on parameters. */
    private static final int IDS_PER_STATEMENT = 500;

    @Inject
    StoreSessions sessions;

    public void insert(List<NewMessage> rows, long now) {
        if (rows.isEmpty()) {
            return;
        }
        sessions.write("inserting " + rows.size() + " messages", session -> {
            for (NewMessage row : rows) {
                session.insert(MessagePart.queued(row, now));
            }
        });
    }

    /**
     * Moves up to {@code limit} due QUEUED rows of the connector to INFLIGHT, highest priority first.
     * One dispatcher claims for a connector on this node, so no row lock is taken; the update checks
     * the state, and only rows it moved are handed out.
     */
    public List<ClaimedPart> claim(String connector, int limit, long now, long leaseUntil) {
        return sessions.writeAndGet("claiming messages of " + connector, session -> {
            List<Object[]> due = session.createSelectionQuery(
                            "select p.id, p.options, p.attempts, p.expiresAt from MessagePart p"
                                    + " where p.outConnector = :connector and p.state = :queued and p.dueAt <= :now"
                                    // the constant columns lead so that H2 reads emg_message_due in order and stops at the limit
                                    + " order by p.outConnector, p.state, p.priority desc, p.dueAt, p.id", Object[].class)
                    .setParameter("connector", connector)
                    .setParameter("queued", MessageState.QUEUED)
                    .setParameter("now", now)
                    .setMaxResults(limit)
                    .getResultList();
            List<ClaimedPart> candidates = new ArrayList<>(due.size());
            List<Long> expired = new ArrayList<>();
            for (Object[] row : due) {
                Long expiresAt = (Long) row[3];
                if (expiresAt != null && expiresAt <= now) {
                    expired.add((Long) row[0]);
                } else {
                    candidates.add(new ClaimedPart((Long) row[0], (String) row[1], (Integer) row[2]));
                }
            }
            setState(session, expired, MessageState.EXPIRED, MessageState.QUEUED, now);
            List<Long> ids = candidates.stream().map(ClaimedPart::id).toList();
            int moved = 0;
            for (List<Long> chunk : chunks(ids)) {
                moved += session.createMutationQuery("update MessagePart p set p.state = :inflight, p.leaseUntil = :lease,"
                                + " p.updatedAt = :now where p.id in :ids and p.state = :queued")
                        .setParameter("inflight", MessageState.INFLIGHT)
                        .setParameter("lease", leaseUntil)
                        .setParameter("now", now)
                        .setParameter("ids", chunk)
                        .setParameter("queued", MessageState.QUEUED)
                        .executeUpdate();
            }
            return moved == candidates.size() ? candidates : movedByThisClaim(session, candidates, leaseUntil);
        });
    }

    /** The candidates this claim moved, when another change took some of them between the select and the update. */
    private static List<ClaimedPart> movedByThisClaim(StatelessSession session, List<ClaimedPart> candidates, long leaseUntil) {
        Set<Long> moved = new HashSet<>();
        for (List<Long> chunk : chunks(candidates.stream().map(ClaimedPart::id).toList())) {
            moved.addAll(session.createSelectionQuery("select p.id from MessagePart p"
                            + " where p.id in :ids and p.state = :inflight and p.leaseUntil = :lease", Long.class)
                    .setParameter("ids", chunk)
                    .setParameter("inflight", MessageState.INFLIGHT)
                    .setParameter("lease", leaseUntil)
                    .getResultList());
        }
        return candidates.stream().filter(part -> moved.contains(part.id())).toList();
    }

    /** The final state of parts this node had in flight; a part no longer INFLIGHT (a late, repeated answer) keeps its state. */
    public void finish(Collection<Long> ids, MessageState state, long now) {
        if (ids.isEmpty()) {
            return;
        }
        sessions.write("setting " + ids.size() + " messages " + state,
                session -> setState(session, ids, state, MessageState.INFLIGHT, now));
    }

    private static void setState(StatelessSession session, Collection<Long> ids, MessageState state, MessageState from, long now) {
        for (List<Long> chunk : chunks(ids)) {
            session.createMutationQuery("update MessagePart p set p.state = :state, p.leaseUntil = null, p.updatedAt = :now"
                            + " where p.id in :ids and p.state = :from")
                    .setParameter("state", state)
                    .setParameter("now", now)
                    .setParameter("ids", chunk)
                    .setParameter("from", from)
                    .executeUpdate();
        }
    }

    public void markSubmitted(Map<Long, String> smscIds, long now) {
        if (smscIds.isEmpty()) {
            return;
        }
        sessions.write("recording " + smscIds.size() + " messages as submitted", session ->
                smscIds.forEach((id, smscId) -> session.update(new SubmittedPart(id, smscId, now))));
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
     * After a temporary error: counts the attempt and requeues at {@code dueAt}, or fails the row
     * once it has had {@code maxAttempts}.
     */
    public void retryOrFail(Collection<Long> ids, long dueAt, int maxAttempts, long now) {
        if (ids.isEmpty()) {
            return;
        }
        sessions.write("retrying " + ids.size() + " messages", session -> {
            for (List<Long> chunk : chunks(ids)) {
                // the rows failed first are no longer INFLIGHT when the second statement requeues the rest
                session.createMutationQuery("update MessagePart p set p.attempts = p.attempts + 1, p.state = :failed,"
                                + " p.leaseUntil = null, p.updatedAt = :now"
                                + " where p.id in :ids and p.state = :inflight and p.attempts + 1 >= :max")
                        .setParameter("failed", MessageState.FAILED)
                        .setParameter("now", now)
                        .setParameter("ids", chunk)
                        .setParameter("inflight", MessageState.INFLIGHT)
                        .setParameter("max", maxAttempts)
                        .executeUpdate();
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
    }

    public int countInflight(String connector) {
        return sessions.managed("counting messages in flight on " + connector, em -> em.createQuery(
                        "select count(p) from MessagePart p where p.outConnector = :connector and p.state = :inflight", Long.class)
                .setParameter("connector", connector)
                .setParameter("inflight", MessageState.INFLIGHT)
                .getSingleResult()
                .intValue());
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
        return sessions.writeAndGet("requeueing expired leases", session -> session.createMutationQuery(
                        "update MessagePart p set p.state = :queued, p.leaseUntil = null, p.updatedAt = :now"
                                + " where p.state = :inflight and p.leaseUntil < :before")
                .setParameter("queued", MessageState.QUEUED)
                .setParameter("now", now)
                .setParameter("inflight", MessageState.INFLIGHT)
                .setParameter("before", leaseBefore)
                .executeUpdate());
    }

    public Optional<MessageStatus> status(long id) {
        List<Object[]> parts = sessions.managed("reading message " + id, em -> em.createQuery(
                        "select p.state, p.destAddr, p.inConnector, p.outConnector, p.smscId, p.attempts, p.createdAt, p.updatedAt"
                                + " from MessagePart p where p.parentId = :id order by p.id", Object[].class)
                .setParameter("id", id)
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
