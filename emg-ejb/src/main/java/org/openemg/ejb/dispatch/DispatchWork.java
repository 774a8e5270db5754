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
import org.openemg.ejb.dlr.DeliveryReports;
import org.openemg.ejb.store.ClaimedPart;
import org.openemg.ejb.store.MessageRows;
import org.openemg.ejb.store.Receipts;
import org.openemg.rar.api.SendResult;

/** The dispatcher's transactions: one per claimed batch and one per group of results. */
@Stateless
public class DispatchWork {

    private static final long THROTTLE_PAUSE_MS = 1_000;
    /** Not at once: with no bind up the dispatcher would claim the same rows again straight away. */
    private static final long LINK_LOST_PAUSE_MS = 1_000;

    @Inject
    private MessageRows rows;
    @Inject
    private Receipts receipts;
    @Inject
    private DeliveryReports reports;

    public List<ClaimedPart> claim(String connector, int limit, long leaseMillis) {
        long now = System.currentTimeMillis();
        return rows.claim(connector, limit, now, now + leaseMillis);
    }

    /** Parts this node held in memory go back to the table, due now. */
    public void requeue(List<Long> ids) {
        long now = System.currentTimeMillis();
        rows.requeue(ids, now, now);
    }

    public void finish(List<Long> ids, MessageState state) {
        long now = System.currentTimeMillis();
        rows.finish(ids, state, now);
        reports.issueFor(ids, now);
    }

    /** Records the peers' answers in grouped updates; a peer without receipts (SMTP) settles DELIVERED or FAILED here. */
    public void record(String connector, List<SendResult> results, RetryPolicy retry) {
        long now = System.currentTimeMillis();
        Map<Long, String> submitted = new HashMap<>();
        List<Long> retries = new ArrayList<>();
        List<Long> throttled = new ArrayList<>();
        List<Long> linkLost = new ArrayList<>();
        List<Long> rejected = new ArrayList<>();
        List<Long> delivered = new ArrayList<>();
        for (SendResult r : results) {
            switch (r.outcome()) {
                case ACCEPTED -> submitted.put(r.messageId(), r.remoteId() == null ? null : SmscId.normalise(r.remoteId()));
                case RETRY -> retries.add(r.messageId());
                case THROTTLED -> throttled.add(r.messageId());
                case LINK_LOST -> linkLost.add(r.messageId());
                case REJECTED -> rejected.add(r.messageId());
                case DELIVERED -> delivered.add(r.messageId());
            }
        }
        List<Long> mayHaveFinished = new ArrayList<>();
        if (!submitted.isEmpty()) {
            receipts.takeTurn(connector);
            rows.markSubmitted(submitted, now);
            if (applyEarlyReceipts(connector, submitted, now)) {
                mayHaveFinished.addAll(submitted.keySet());
            }
        }
        rows.retryOrFail(retries, now + retry.delayMillis(), retry.maxAttempts(), now);
        rows.requeue(throttled, now + THROTTLE_PAUSE_MS, now);
        rows.requeue(linkLost, now + LINK_LOST_PAUSE_MS, now);
        rows.finish(rejected, MessageState.FAILED, now);
        rows.finish(delivered, MessageState.DELIVERED, now);
        mayHaveFinished.addAll(retries);
        mayHaveFinished.addAll(rejected);
        mayHaveFinished.addAll(delivered);
        reports.issueFor(mayHaveFinished, now);
    }

    /**
     * Receipts that overtook their submit_sm_resp, applied now that the SMSC ids are stored. A receipt
     * kept under the id exactly as stored wins; other readings (decimal for hex) are tried after.
     */
    private boolean applyEarlyReceipts(String connector, Map<Long, String> submitted, long now) {
        Map<String, String> storedIdByReading = new HashMap<>();
        for (String smscId : submitted.values()) {
            if (smscId != null) {
                storedIdByReading.put(smscId, smscId);
            }
        }
        for (String smscId : List.copyOf(storedIdByReading.values())) {
            SmscId.candidates(smscId).forEach(reading -> storedIdByReading.putIfAbsent(reading, smscId));
        }
        Map<String, MessageState> early = receipts.takeEarly(connector, storedIdByReading.keySet());
        early.forEach((reading, state) -> receipts.apply(connector, List.of(storedIdByReading.get(reading)), state, now));
        return !early.isEmpty();
    }

    public void prepareReceiptTurn(String connector) {
        receipts.prepareTurn(connector);
    }

    public int countInflight(String connector) {
        return rows.countInflight(connector);
    }

    /** Early receipts an hour old will not find their submit any more. */
    public int purgeStaleEarlyReceipts() {
        return receipts.purgeEarly(System.currentTimeMillis() - 3_600_000L);
    }

    public int requeueExpiredLeases(Collection<String> connectors) {
        return rows.requeueExpiredLeases(connectors, System.currentTimeMillis());
    }

    public int requeueAllInflight(Collection<String> connectors) {
        return rows.requeueAllInflight(connectors, System.currentTimeMillis());
    }
}
