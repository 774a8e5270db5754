package org.openemg.ejb.accept;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.openemg.ejb.dispatch.CommittedHandOver;
import org.openemg.ejb.dispatch.DispatchLoops;
import org.openemg.ejb.dispatch.Dispatchers;
import org.openemg.ejb.metrics.TrafficMeters;
import org.openemg.ejb.store.Billing;
import org.openemg.ejb.store.ClaimedPart;
import org.openemg.ejb.store.GroupCommit;
import org.openemg.ejb.store.GroupTransaction;
import org.openemg.ejb.store.NewMessage;
import org.openemg.ejb.store.QueuedBatch;
import org.openemg.ejb.store.QueuedBatches;

/**
 * Stores a request's accepted parts. Inside a caller's transaction they are inserted in it, and those due are
 * handed to their dispatcher when it commits ({@link CommittedHandOver}). Otherwise
 * they share a commit with the requests that arrive at the same time ({@link GroupCommit}: under load a
 * commit, not a message, is what the database pays for most), and the parts that are due go to their
 * connector's dispatcher in memory after the commit, so that it does not read back what was just written
 * (bench/RESULTS.md). The gateway's own writes (send results and receipts of every
 * connector, with the DLRs they issue) join the same groups ({@link #together}): with H2 each commit writes the
 * changed pages of every table and index touched, so one commit for all is cheaper than one per stream
 * (bench/RESULTS.md, "One commit group").
 */
@ApplicationScoped
public class QueueCommits {

    /** A leader waits at most this long for requests already being accepted; a lone request does not wait. */
    private static final long LINGER_NANOS = 1_000_000;
    /** Requests per commit beyond which a leader stops waiting: the H2 commit's cost barely grows up to there. */
    private static final int FULL_GROUP = 64;

    @EJB
    private QueuedBatches batches;
    @Inject
    private DispatchLoops dispatchers;
    @Resource
    private TransactionSynchronizationRegistry transaction;
    @Inject
    private TrafficMeters meters;
    @Inject
    private CommittedHandOver handOver;

    @EJB
    private GroupTransaction groupTransaction;

    private GroupCommit<Member> group;

    /** What shares a commit: a request's rows, or work of the gateway's own that writes. */
    private sealed interface Member permits Rows, Work {
    }

    private record Rows(QueuedBatch batch) implements Member {
    }

    /** Work of the gateway's own that writes, and what it returned once run. */
    private static final class Work<R> implements Member {
        private final Supplier<R> work;
        private R result;

        Work(Supplier<R> work) {
            this.work = work;
        }

        void run() {
            result = work.get();
        }
    }

    @PostConstruct
    void start() {
        group = new GroupCommit<>((members, statementsDone) -> {
            List<QueuedBatch> rows = new ArrayList<>();
            List<Work<?>> work = new ArrayList<>();
            for (Member member : members) {
                if (member instanceof Rows r) {
                    rows.add(r.batch());
                } else if (member instanceof Work<?> w) {
                    work.add(w);
                }
            }
            groupTransaction.run(() -> {
                batches.insert(rows);
                work.forEach(Work::run);
            }, statementsDone);
            meters.commitGroup(members.size());
        }, LINGER_NANOS, FULL_GROUP);
    }

    /**
     * Runs {@code work} in the transaction of the commit group it joins and returns its result once that committed;
     * inside a caller's transaction it runs in that one. A group that fails runs each member again on its own, so
     * what the work changes outside the transaction (counters) may then change twice.
     */
    public <R> R together(Supplier<R> work) {
        if (inCallerTransaction()) {
            return work.get();
        }
        Work<R> member = new Work<>(work);
        group.commit(member);
        return member.result;
    }

    /**
     * Announces a request that is being accepted and will likely {@link #commit} soon, so that a commit about to
     * start waits for it; inside a caller's transaction there is nothing to announce.
     */
    public GroupCommit.Arrival arrival() {
        if (inCallerTransaction()) {
            return () -> { };
        }
        return group.arrive();
    }

    /**
     * Returns once the parts are committed (or inserted in the caller's transaction) with the charges of
     * {@code billing}, which then tells the requests their accounts refused (their parts are not stored); throws what
     * the insert threw.
     */
    public void commit(List<NewMessage> parts, Billing billing, long now) {
        if (parts.isEmpty()) {
            return;
        }
        if (inCallerTransaction()) {
            // a charge may still refuse parts in there: only free parts are handed over on the commit
            List<NewMessage> rows = billing.isFree() ? handOver.leased(parts, now) : parts;
            Set<String> queuedOn = new HashSet<>();
            rows.stream().filter(row -> row.leaseUntil() == null).forEach(row -> queuedOn.add(row.outConnector()));
            batches.insert(List.of(new QueuedBatch(rows, queuedOn, now, billing)));
            return;
        }
        Map<String, List<NewMessage>> due = dueByConnector(parts, now);
        due.entrySet().removeIf(e -> !dispatchers.reserve(e.getKey(), e.getValue().size()));
        long leaseUntil = now + Dispatchers.LEASE_MS;
        List<NewMessage> rows = new ArrayList<>(parts.size());
        Set<String> queuedOn = new HashSet<>();
        for (NewMessage part : parts) {
            if (due.containsKey(part.outConnector()) && part.dueAt() <= now) {
                rows.add(part.withLease(leaseUntil));
            } else {
                rows.add(part);
                queuedOn.add(part.outConnector());
            }
        }
        try {
            group.commit(new Rows(new QueuedBatch(rows, queuedOn, now, billing)));
        } catch (RuntimeException e) {
            due.forEach((connector, handed) -> dispatchers.release(connector, handed.size()));
            throw e;
        }
        List<NewMessage> stored = billing.paid(parts);
        if (stored.size() == parts.size()) {
            due.forEach((connector, handed) -> dispatchers.handOver(connector, claimed(handed)));
            return;
        }
        Set<Long> storedIds = new HashSet<>();
        stored.forEach(p -> storedIds.add(p.id()));
        due.forEach((connector, handed) -> {
            List<NewMessage> paid = handed.stream().filter(p -> storedIds.contains(p.id())).toList();
            dispatchers.release(connector, handed.size() - paid.size());
            if (!paid.isEmpty()) {
                dispatchers.handOver(connector, claimed(paid));
            }
        });
    }

    private boolean inCallerTransaction() {
        return transaction.getTransactionKey() != null;
    }

    private static Map<String, List<NewMessage>> dueByConnector(List<NewMessage> parts, long now) {
        Map<String, List<NewMessage>> due = new LinkedHashMap<>();
        for (NewMessage part : parts) {
            if (part.outConnector() != null && part.dueAt() <= now) {
                due.computeIfAbsent(part.outConnector(), c -> new ArrayList<>()).add(part);
            }
        }
        return due;
    }

    private static List<ClaimedPart> claimed(List<NewMessage> parts) {
        List<ClaimedPart> claimed = new ArrayList<>(parts.size());
        parts.forEach(p -> claimed.add(p.claimed()));
        return claimed;
    }
}
