package org.openemg.ejb.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * The parts this node inserted INFLIGHT and handed to their dispatcher in memory, until they settle. They have no row
 * in the queue table, so that inserting and settling them writes no index entry beside the message's own. Each insert
 * records the range of its handed-over ids under their lease (emg_hand_over), and the transaction that settles the
 * last of them deletes it; a range whose lease ran out (its node stopped, or a result never came) is read through for
 * parts still INFLIGHT ({@link MessageRows#requeueExpiredLeases}).
 */
final class HandOvers {

    /** One insert's handed-over parts: when their lease runs out, and how many have yet to settle. */
    private record Range(long firstId, long leaseUntil, AtomicInteger unsettled) {
    }

    private record Handed(Range range, String connector) {
    }

    private final Map<Long, Handed> handed = new ConcurrentHashMap<>();
    /** Registers what to undo should the caller's transaction roll back. */
    private final Consumer<Runnable> onRollback;

    HandOvers(Consumer<Runnable> onRollback) {
        this.onRollback = onRollback;
    }

    /**
     * In the inserting transaction: the range of the parts, inserted INFLIGHT under their lease. Should that
     * transaction roll back, the parts are forgotten with it.
     */
    void open(Connection c, List<NewMessage> parts) throws SQLException {
        if (parts.isEmpty()) {
            return;
        }
        long first = Long.MAX_VALUE;
        long last = Long.MIN_VALUE;
        long leaseUntil = Long.MIN_VALUE;
        for (NewMessage part : parts) {
            first = Math.min(first, part.id());
            last = Math.max(last, part.id());
            leaseUntil = Math.max(leaseUntil, part.leaseUntil());
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO emg_hand_over (first_id, last_id, lease_until) VALUES (?, ?, ?)")) {
            ps.setLong(1, first);
            ps.setLong(2, last);
            ps.setLong(3, leaseUntil);
            ps.executeUpdate();
        }
        Range range = new Range(first, leaseUntil, new AtomicInteger(parts.size()));
        for (NewMessage part : parts) {
            handed.put(part.id(), new Handed(range, part.outConnector()));
        }
        onRollback.accept(() -> parts.forEach(part -> handed.remove(part.id())));
    }

    /**
     * In the transaction that moves the parts out of INFLIGHT (settled, or queued in the table): forgets those handed
     * over here and deletes the ranges none is left of. Returns the ids that were handed over here: they have no queue row.
     * Should that transaction roll back, its parts are handed over again, to be settled by the next try.
     */
    Set<Long> settle(Connection c, Collection<Long> ids) throws SQLException {
        Map<Long, Handed> settled = new HashMap<>();
        List<Long> emptied = new ArrayList<>();
        for (Long id : ids) {
            Handed part = handed.remove(id);
            if (part != null) {
                settled.put(id, part);
                if (part.range().unsettled().decrementAndGet() == 0) {
                    emptied.add(part.range().firstId());
                }
            }
        }
        JdbcBatch.run(c, "DELETE FROM emg_hand_over WHERE first_id = ?", emptied, (ps, first) -> ps.setLong(1, first));
        if (!settled.isEmpty()) {
            onRollback.accept(() -> settled.forEach((id, part) -> {
                part.range().unsettled().incrementAndGet();
                handed.put(id, part);
            }));
        }
        return settled.keySet();
    }

    /** Forgets the parts whose lease ran out before {@code before}: their ranges are read through instead. */
    void forgetLapsed(long before) {
        handed.values().removeIf(part -> part.range().leaseUntil() < before);
    }

    /** This node's handed-over parts not settled yet, per connector: INFLIGHT without a queue row. */
    Map<String, Integer> unsettledByConnector() {
        Map<String, Integer> counts = new HashMap<>();
        handed.values().forEach(part -> counts.merge(part.connector(), 1, Integer::sum));
        return counts;
    }

    /** The ids of this node's handed-over parts of the connector not settled yet. */
    List<Long> unsettledIds(String connector) {
        List<Long> ids = new ArrayList<>();
        handed.forEach((id, part) -> {
            if (connector.equals(part.connector())) {
                ids.add(id);
            }
        });
        return ids;
    }
}
