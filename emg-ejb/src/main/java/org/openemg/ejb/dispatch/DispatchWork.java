package org.openemg.ejb.dispatch;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.openemg.core.message.MessageState;
import org.openemg.core.receipt.SmscId;
import org.openemg.core.retry.RetryBackoff;
import org.openemg.ejb.config.ConfigurationInForce;
import org.openemg.ejb.dlr.DeliveryReports;
import org.openemg.ejb.metrics.TrafficMeters;
import org.openemg.ejb.store.Claim;
import org.openemg.ejb.store.ClaimedPart;
import org.openemg.ejb.store.MessageRows;
import org.openemg.ejb.store.PartReport;
import org.openemg.ejb.store.Receipts;
import org.openemg.ejb.store.RequeuedPart;
import org.openemg.ejb.store.SmscReceipt;
import org.openemg.rar.api.SendResult;

/** The dispatcher's transactions: one per claimed batch and one per group of results. */
@Stateless
public class DispatchWork {

    private static final long THROTTLE_PAUSE_MS = 1_000;
    /** Not at once: with no bind up the dispatcher would claim the same rows again straight away. */
    private static final long LINK_LOST_PAUSE_MS = 1_000;
    /** Rows the expiry sweep ends in one transaction. */
    private static final int EXPIRY_GROUP = 1_000;

    @Inject
    private MessageRows rows;
    @Inject
    private Receipts receipts;
    @Inject
    private DeliveryReports reports;
    @Inject
    private ConnectorQueues queues;
    @Inject
    private TrafficMeters meters;
    @Inject
    private ConfigurationInForce configuration;

    /** Due rows of the connector, now in flight; those whose VP ran out are EXPIRED instead, with their DLRs. */
    public List<ClaimedPart> claim(String connector, int limit, long leaseMillis) {
        long now = System.currentTimeMillis();
        Claim claim = rows.claim(configuration.current().nodeId(), connector, limit, now, now + leaseMillis);
        queues.settled(connector, claim.expired().size());
        reports.issueFor(claim.expired(), now);
        return claim.parts();
    }

    /** When the connector's next queued row falls due; null when none is queued. */
    public Long nextDueAt(String connector) {
        return rows.nextDueAt(connector);
    }

    /** Queued rows of any connector whose VP ran out while they waited (deferred, retried, parked) are EXPIRED. */
    public int expireOverdue(Collection<String> connectors) {
        long now = System.currentTimeMillis();
        List<Long> expired = rows.expireOverdue(connectors, now, EXPIRY_GROUP);
        reports.issueFor(expired, now);
        return expired.size();
    }

    /** A client bound on the connector: what was parked for lack of one is due now; returns how many. */
    public int releaseParked(String connector) {
        return rows.releaseParked(connector, System.currentTimeMillis());
    }

    /** Parts this node held in memory go back to the table, due now. */
    public void requeue(List<Long> ids) {
        long now = System.currentTimeMillis();
        rows.requeue(ids, now, now);
    }

    public void finish(String connector, List<Long> ids, MessageState state) {
        long now = System.currentTimeMillis();
        rows.finish(ids, state, now);
        queues.settled(connector, ids.size());
        reports.issueFor(ids, now);
    }

    /**
     * Records the peers' answers in grouped updates; a peer without receipts (SMTP) settles DELIVERED or FAILED
     * here, with the peer's error code (an SMPP command_status, an HTTP status) as the report of a failure.
     * Returns whether rows went back to the table for a later try (their dispatcher must look again).
     */
    public boolean record(String connector, List<SendResult> results, RetryBackoff backoff) {
        long now = System.currentTimeMillis();
        Map<Long, String> submitted = new HashMap<>();
        Map<String, List<Long>> retriesByError = new HashMap<>();
        List<Long> throttled = new ArrayList<>();
        List<Long> linkLost = new ArrayList<>();
        List<Long> noReceiver = new ArrayList<>();
        Map<String, List<Long>> rejectedByError = new HashMap<>();
        List<Long> delivered = new ArrayList<>();
        for (SendResult r : results) {
            switch (r.outcome()) {
                case ACCEPTED -> submitted.put(r.messageId(), r.remoteId() == null ? null : SmscId.normalise(r.remoteId()));
                case RETRY -> retriesByError.computeIfAbsent(errorOf(r), e -> new ArrayList<>()).add(r.messageId());
                case THROTTLED -> throttled.add(r.messageId());
                case LINK_LOST -> linkLost.add(r.messageId());
                case NO_RECEIVER -> noReceiver.add(r.messageId());
                case REJECTED -> rejectedByError.computeIfAbsent(errorOf(r), e -> new ArrayList<>()).add(r.messageId());
                case DELIVERED -> delivered.add(r.messageId());
            }
        }
        List<Long> mayHaveFinished = new ArrayList<>();
        if (!submitted.isEmpty()) {
            receipts.takeTurn(connector);
            rows.markSubmitted(connector, submitted, now);
            if (applyEarlyReceipts(connector, submitted)) {
                mayHaveFinished.addAll(submitted.keySet());
            }
        }
        int retried = 0;
        int settled = submitted.size() + delivered.size();
        for (Map.Entry<String, List<Long>> retry : retriesByError.entrySet()) {
            List<Long> failed = rows.retryOrFail(retry.getValue(), backoff, now, retry.getKey());
            mayHaveFinished.addAll(failed);
            retried += retry.getValue().size() - failed.size();
            settled += failed.size();
        }
        meters.retried(connector, retried);
        // the SMSC asked for a pause: each part waits THROTTLE_PAUSE_MS
        meters.throttlingWaits(connector, throttled.size());
        rows.requeue(throttled, now + THROTTLE_PAUSE_MS, now);
        rows.requeue(linkLost, now + LINK_LOST_PAUSE_MS, now);
        rows.park(noReceiver, now);
        for (Map.Entry<String, List<Long>> rejected : rejectedByError.entrySet()) {
            rows.finish(rejected.getValue(), MessageState.FAILED, now, rejected.getKey());
            mayHaveFinished.addAll(rejected.getValue());
            settled += rejected.getValue().size();
        }
        rows.finish(delivered, MessageState.DELIVERED, now);
        mayHaveFinished.addAll(delivered);
        reports.issueFor(mayHaveFinished, now);
        queues.settled(connector, settled);
        return retried > 0 || !throttled.isEmpty() || !linkLost.isEmpty();
    }

    /** The peer's status as a report's error: none when the peer gave none (a timeout, a lost link). */
    private static String errorOf(SendResult result) {
        return result.protocolStatus() > 0 ? Integer.toString(result.protocolStatus()) : null;
    }

    /**
     * Receipts that overtook their submit_sm_resp, applied now that the SMSC ids are stored. A receipt
     * kept under the id exactly as stored wins; other readings (decimal for hex) are tried after.
     */
    private boolean applyEarlyReceipts(String connector, Map<Long, String> submitted) {
        Map<String, String> storedIdByReading = new HashMap<>();
        for (String smscId : submitted.values()) {
            if (smscId != null) {
                storedIdByReading.put(smscId, smscId);
            }
        }
        for (String smscId : List.copyOf(storedIdByReading.values())) {
            SmscId.candidates(smscId).forEach(reading -> storedIdByReading.putIfAbsent(reading, smscId));
        }
        Map<String, PartReport> early = receipts.takeEarly(connector, storedIdByReading.keySet());
        List<SmscReceipt> found = new ArrayList<>(early.size());
        early.forEach((reading, receipt) -> found.add(new SmscReceipt(List.of(storedIdByReading.get(reading)), receipt)));
        receipts.applyAll(connector, found);
        meters.receiptsMatched(connector, early.size());
        return !early.isEmpty();
    }

    public void prepareReceiptTurn(String connector) {
        receipts.prepareTurn(connector);
    }

    /** The queued rows of {@code from} that {@code to} may send leave by {@code to}; returns how many. */
    public int moveToPartner(String from, String to) {
        int moved = rows.moveToPartner(from, to, System.currentTimeMillis());
        queues.moved(from, to, moved);
        return moved;
    }

    public List<String> partnersOfQueued(String connector) {
        return rows.partnersOfQueued(connector);
    }

    /** The in-memory depth of each connector's queue, from the table. */
    public void recountQueues(Collection<String> connectors) {
        queues.recount(rows.countUnsettled(connectors));
    }

    public int countInflight(String connector) {
        return rows.countInflight(connector);
    }

    /** Early receipts an hour old will not find their submit any more. */
    public int purgeStaleEarlyReceipts() {
        return receipts.purgeEarly(System.currentTimeMillis() - 3_600_000L);
    }

    public List<RequeuedPart> requeueExpiredLeases(Collection<String> connectors) {
        return rows.requeueExpiredLeases(connectors, System.currentTimeMillis());
    }

    /** At start-up: what this node had in flight when it stopped, and what any node left past its lease. */
    public List<RequeuedPart> requeueOwnInflight(Collection<String> connectors) {
        return rows.requeueInflightOf(configuration.current().nodeId(), connectors, System.currentTimeMillis());
    }
}
