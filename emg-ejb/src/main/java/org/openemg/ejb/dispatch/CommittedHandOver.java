package org.openemg.ejb.dispatch;

import jakarta.annotation.Resource;
import jakarta.inject.Inject;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.openemg.ejb.store.ClaimedPart;
import org.openemg.ejb.store.NewMessage;

/**
 * Rows inserted in the caller's transaction that their connector's dispatcher takes from memory once it
 * commits, as accepted parts are (QueueCommits), instead of claiming them back from the table: a claim is a
 * transaction, a query and an update of its own (bench/RESULTS.md, DLRs to SMPP clients).
 */
@ApplicationScoped
public class CommittedHandOver {

    @Inject
    private DispatchLoops dispatchers;
    @Resource
    private TransactionSynchronizationRegistry transaction;

    /**
     * The rows as they are to be inserted: INFLIGHT under a lease where their connector's dispatcher has room
     * for them (they are handed over when the transaction commits, and the room given back if it does not),
     * the others as they came, QUEUED.
     */
    public List<NewMessage> leased(List<NewMessage> rows, long now) {
        Map<String, Integer> due = new LinkedHashMap<>();
        for (NewMessage row : rows) {
            if (isDue(row, now)) {
                due.merge(row.outConnector(), 1, Integer::sum);
            }
        }
        due.entrySet().removeIf(e -> !dispatchers.reserve(e.getKey(), e.getValue()));
        if (due.isEmpty()) {
            return rows;
        }
        long leaseUntil = now + Dispatchers.LEASE_MS;
        List<NewMessage> leased = new ArrayList<>(rows.size());
        Map<String, List<ClaimedPart>> handed = new LinkedHashMap<>();
        for (NewMessage row : rows) {
            if (isDue(row, now) && due.containsKey(row.outConnector())) {
                NewMessage inflight = row.withLease(leaseUntil);
                leased.add(inflight);
                handed.computeIfAbsent(row.outConnector(), c -> new ArrayList<>()).add(inflight.claimed());
            } else {
                leased.add(row);
            }
        }
        transaction.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
                // the rows are written by the transaction itself
            }

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    handed.forEach(dispatchers::handOver);
                } else {
                    handed.forEach((connector, parts) -> dispatchers.release(connector, parts.size()));
                }
            }
        });
        return leased;
    }

    private static boolean isDue(NewMessage row, long now) {
        return row.outConnector() != null && row.dueAt() <= now && row.leaseUntil() == null;
    }
}
