package org.openemg.ejb.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openemg.core.id.MessageIds;
import org.openemg.core.message.LastReport;
import org.openemg.core.message.MessageState;
import org.openemg.core.message.MessageStatus;
import org.openemg.core.retry.RetryBackoff;

/** The store classes on Hibernate and H2, as the container runs them but one transaction per call. */
class StoreTest {

    private static final long NOW = 1_000_000;
    /** The node the test's ids belong to (small ids are node 0's), claiming as the store's only node. */
    private static final int NODE = 0;
    private static final long LEASE = NOW + 60_000;

    private static H2Store store;
    private final MessageRows rows = new MessageRows();
    private final Receipts receipts = new Receipts();
    private final IdBlocks idBlocks = new IdBlocks();
    private final MessageReports reports = new MessageReports();
    private final FinishedMessages finished = new FinishedMessages();
    private final MessageLogPurge purge = new MessageLogPurge();

    @BeforeAll
    static void open() throws SQLException {
        store = new H2Store();
    }

    @AfterAll
    static void close() throws SQLException {
        store.close();
    }

    @BeforeEach
    void empty() throws SQLException {
        store.clear();
        rows.sessions = store;
        receipts.sessions = store;
        idBlocks.sessions = store;
        reports.sessions = store;
        finished.sessions = store;
        purge.sessions = store;
    }

    private static NewMessage message(long id, long parentId, int priority, long dueAt, Long expiresAt) {
        return message(id, parentId, 1, priority, dueAt, expiresAt);
    }

    private static NewMessage message(long id, long parentId, int partCount, int priority, long dueAt, Long expiresAt) {
        return new NewMessage(id, parentId, partCount, "http-in", "smpp-out", priority, dueAt, expiresAt, "4670" + id, "alice", "options of " + id, null);
    }

    private void queue(long... ids) {
        rows.insert(LongStream.of(ids).mapToObj(id -> message(id, id, 0, NOW, null)).toList(), NOW);
    }

    private static PartReport receipt(MessageState state, long at) {
        return new PartReport(state, state.name(), at, null);
    }

    private MessageState state(long id) {
        return rows.status(id).orElseThrow().state();
    }

    private List<String> column(String query) throws SQLException {
        List<String> values = new ArrayList<>();
        try (PreparedStatement ps = store.connection.prepareStatement(query); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                values.add(rs.getString(1));
            }
        }
        store.connection.commit();
        return values;
    }

    @Test
    void insertedPartsAreQueuedAndShownAsOneMessage() {
        rows.insert(List.of(message(10, 10, 2, 0, NOW, null), message(11, 10, 2, 0, NOW, NOW + 5)), NOW - 1);

        MessageStatus status = rows.status(10).orElseThrow();
        assertEquals(new MessageStatus(10, MessageState.QUEUED, "467010", "http-in", "smpp-out", null, 0,
                Instant.ofEpochMilli(NOW - 1), Instant.ofEpochMilli(NOW - 1)), status);
        assertTrue(rows.status(11).isEmpty(), "a part is not a message");
        assertTrue(rows.status(12).isEmpty());
    }

    @Test
    void aClaimTakesDueQueuedRowsHighestPriorityFirstUpToTheLimit() {
        rows.insert(List.of(message(1, 1, 0, NOW - 10, null), message(2, 2, 1, NOW, null), message(3, 3, 0, NOW - 20, null),
                message(4, 4, 2, NOW + 1, null)), NOW);

        List<ClaimedPart> claimed = rows.claim(NODE, "smpp-out", 2, NOW, LEASE).parts();

        assertEquals(List.of(new ClaimedPart(2, "options of 2", 0, 1), new ClaimedPart(3, "options of 3", 0)), claimed);
        assertEquals(MessageState.INFLIGHT, state(2));
        assertEquals(2, rows.countInflight("smpp-out"));
        assertEquals(0, rows.countInflight("sink"));
        assertEquals(List.of(new ClaimedPart(1, "options of 1", 0)), rows.claim(NODE, "smpp-out", 10, NOW, LEASE).parts());
        assertEquals(List.of(), rows.claim(NODE, "smpp-out", 10, NOW, LEASE).parts(), "4 is not due yet");
        assertEquals(List.of(), rows.claim(NODE, "sink", 10, NOW + 5, LEASE).parts());
    }

    @Test
    void aClaimExpiresWhatOutlivedItsValidityInsteadOfSendingIt() {
        rows.insert(List.of(message(1, 1, 0, NOW, NOW), message(2, 2, 0, NOW, NOW + 1)), NOW);

        Claim claim = rows.claim(NODE, "smpp-out", 10, NOW, LEASE);

        assertEquals(new Claim(List.of(new ClaimedPart(2, "options of 2", 0)), List.of(1L)), claim);
        assertEquals(MessageState.EXPIRED, state(1));
        assertEquals(Optional.of(new LastReport("EXPIRED", Instant.ofEpochMilli(NOW), null, null, null)), reports.last(1));
    }

    @Test
    void queuedPartsPastTheirValidityAreExpiredWhereverTheyWait() {
        rows.insert(List.of(message(1, 1, 0, NOW + 60_000, NOW + 10), message(2, 2, 0, NOW, NOW + 10),
                message(3, 3, 0, NOW, NOW + 1_000), message(4, 4, 0, NOW, null)), NOW);
        rows.claim(NODE, "smpp-out", 1, NOW, LEASE);
        rows.park(List.of(2L), NOW);

        assertEquals(List.of(1L, 2L), rows.expireOverdue(List.of("smpp-out"), NOW + 10, 10).stream().sorted().toList(), "deferred, parked");
        assertEquals(MessageState.EXPIRED, state(2));
        assertEquals(MessageState.QUEUED, state(3), "still valid");
        assertEquals(List.of(), rows.expireOverdue(List.of("smpp-out"), NOW + 10, 10));
        assertEquals(List.of(3L), rows.expireOverdue(List.of("smpp-out"), NOW + 1_000, 1));
    }

    @Test
    void partsParkedForABindWaitUntilReleasedAndAreNeverDueBefore() {
        queue(1, 2);
        rows.claim(NODE, "smpp-out", 1, NOW, LEASE);
        rows.park(List.of(1L), NOW);

        assertEquals(List.of(new ClaimedPart(2, "options of 2", 0)), rows.claim(NODE, "smpp-out", 10, NOW + 3_600_000, LEASE).parts());
        assertEquals(MessageRows.PARKED, rows.nextDueAt("smpp-out"));
        assertEquals(0, rows.releaseParked("sink", NOW + 5));
        assertEquals(1, rows.releaseParked("smpp-out", NOW + 5));
        assertEquals(NOW + 5, rows.nextDueAt("smpp-out"));
        assertEquals(List.of(new ClaimedPart(1, "options of 1", 0)), rows.claim(NODE, "smpp-out", 10, NOW + 5, LEASE).parts(),
                "parking counts no attempt");
        assertEquals(null, rows.nextDueAt("smpp-out"), "nothing queued");
    }

    @Test
    void theLastReportOfAMessageIsItsLatestPartsWithTheDlrSentForIt() {
        rows.insert(List.of(message(1, 1, 2, 0, NOW, null), message(2, 1, 2, 0, NOW, null), message(3, 3, 0, NOW, null)), NOW);
        assertEquals(Optional.empty(), reports.last(1), "no report yet");
        rows.claim(NODE, "smpp-out", 10, NOW, LEASE);
        rows.markSubmitted("smpp-out", Map.of(1L, "s1", 2L, "s2"), NOW);
        applied("smpp-out", List.of("s1"), new PartReport(MessageState.DELIVERED, "DELIVERED", NOW + 5, null));
        applied("smpp-out", List.of("s2"), new PartReport(MessageState.FAILED, "UNDELIVERABLE", NOW + 9, "069"));
        rows.finish(List.of(3L), MessageState.FAILED, NOW + 2, "11");
        rows.insert(List.of(message(50, 50, 0, NOW + 9, null)), NOW + 9);
        assertTrue(finished.markReported(1, NOW + 9, 50L));
        assertTrue(finished.markReported(3, NOW + 2, null));
        assertFalse(finished.markReported(3, NOW + 3, 51L), "reported once");

        assertEquals(Optional.of(new LastReport("UNDELIVERABLE", Instant.ofEpochMilli(NOW + 9), "069", 50L, MessageState.QUEUED)),
                reports.last(1));
        assertEquals(Optional.of(new LastReport("FAILED", Instant.ofEpochMilli(NOW + 2), "11", null, null)), reports.last(3));
    }

    @Test
    void theClaimReadsTheDueIndexInOrderAndStopsAtTheLimit() throws SQLException {
        try (PreparedStatement explain = store.connection.prepareStatement("EXPLAIN ANALYZE " + MessageRows.dueRows(10))) {
            queue(LongStream.rangeClosed(1, 100).toArray());
            explain.setString(1, "smpp-out");
            explain.setInt(2, MessageState.QUEUED.code());
            explain.setLong(3, NOW);
            try (ResultSet plan = explain.executeQuery()) {
                plan.next();
                String text = plan.getString(1);
                assertTrue(text.contains("EMG_QUEUE_DUE") && text.contains("index sorted") && text.contains("scanCount: 10"), text);
            }
        }
        store.connection.commit();
    }

    @Test
    void aPartHasAQueueRowInItsStateWhileUnsettledAndNoneAfter() throws SQLException {
        queue(1, 2, 3);
        rows.claim(NODE, "smpp-out", 2, NOW, LEASE);
        assertEquals(List.of("1 1", "2 1", "3 0"), column("SELECT id || ' ' || queue_state FROM emg_queue ORDER BY id"));

        rows.markSubmitted("smpp-out", Map.of(1L, "s1"), NOW);
        rows.finish(List.of(2L), MessageState.FAILED, NOW);
        receipts.applyAll("smpp-out", List.of(new SmscReceipt(List.of("s1"), receipt(MessageState.DELIVERED, NOW + 1))));

        assertEquals(List.of("1 3", "2 4", "3 0"), column("SELECT id || ' ' || state FROM emg_message ORDER BY id"));
        assertEquals(List.of("3 0"), column("SELECT id || ' ' || queue_state FROM emg_queue ORDER BY id"));
        assertEquals(Map.of("smpp-out", 1), rows.countUnsettled(List.of("smpp-out")));
    }

    private void handOver(long... ids) {
        rows.insert(LongStream.of(ids).mapToObj(id -> message(id, id, 0, NOW, null).withLease(LEASE)).toList(), NOW);
    }

    @Test
    void partsHandedOverHaveNoQueueRowAndTheirRangeGoesWithTheLastToSettle() throws SQLException {
        handOver(5, 7);
        queue(6);

        assertEquals(List.of("6 0"), column("SELECT id || ' ' || queue_state FROM emg_queue ORDER BY id"));
        assertEquals(List.of("5 7 " + LEASE), column("SELECT first_id || ' ' || last_id || ' ' || lease_until FROM emg_hand_over"));
        assertEquals(2, rows.countInflight("smpp-out"));
        assertEquals(Map.of("smpp-out", Map.of(MessageState.QUEUED, 1, MessageState.INFLIGHT, 2)),
                rows.unsettledByState(List.of("smpp-out")));

        rows.markSubmitted("smpp-out", Map.of(5L, "s5"), NOW);
        assertEquals(1, column("SELECT first_id FROM emg_hand_over").size(), "7 is still in flight");
        rows.finish(List.of(7L), MessageState.FAILED, NOW);

        assertEquals(List.of(), column("SELECT first_id FROM emg_hand_over"));
        assertEquals(List.of("6 0"), column("SELECT id || ' ' || queue_state FROM emg_queue ORDER BY id"));
        assertEquals(0, rows.countInflight("smpp-out"));
    }

    @Test
    void partsHandedOverByAnInsertThatRolledBackAreNotInFlight() throws SQLException {
        handOver(1);

        assertThrows(IllegalStateException.class, () -> store.inOneTransaction(() -> {
            handOver(2, 3);
            throw new IllegalStateException("another member of the commit group failed");
        }));

        assertEquals(1, rows.countInflight("smpp-out"));
        assertEquals(List.of("1 1"), column("SELECT first_id || ' ' || last_id FROM emg_hand_over"));
    }

    @Test
    void partsOfASettlementThatRolledBackAreSettledByTheNextTry() throws SQLException {
        handOver(1, 2);

        assertThrows(IllegalStateException.class, () -> store.inOneTransaction(() -> {
            rows.markSubmitted("smpp-out", Map.of(1L, "s1"), NOW);
            rows.finish(List.of(2L), MessageState.FAILED, NOW);
            throw new IllegalStateException("the commit failed");
        }));
        assertEquals(2, rows.countInflight("smpp-out"));

        rows.markSubmitted("smpp-out", Map.of(1L, "s1"), NOW);
        rows.finish(List.of(2L), MessageState.FAILED, NOW);

        assertEquals(0, rows.countInflight("smpp-out"));
        assertEquals(List.of(), column("SELECT first_id FROM emg_hand_over"), "the range goes with the last part settled");
    }

    @Test
    void queueRowsMirrorQueuedPartsAndLeaveInflightOnesAsTheyAre() throws SQLException {
        handOver(1);
        queue(2, 3);
        rows.claim(NODE, "smpp-out", 1, NOW, LEASE);

        QueueRows.mirror(store.connection, List.of(1L, 2L, 3L));
        store.connection.commit();

        assertEquals(List.of("2 1", "3 0"), column("SELECT id || ' ' || queue_state FROM emg_queue ORDER BY id"),
                "the part handed over gets no row, the claimed one keeps its own");
    }

    @Test
    void aStartTakesBackWhatThisNodeHadInFlightAndLeavesAnotherNodesUntilTheirLeaseRunsOut() throws SQLException {
        int other = 1;
        long othersPart = MessageIds.compose(other, 4);
        queue(1, 2);
        rows.claim(NODE, "smpp-out", 1, NOW, LEASE);
        rows.claim(other, "smpp-out", 1, NOW, LEASE);
        handOver(3);
        handOver(othersPart);

        MessageRows restarted = new MessageRows();
        restarted.sessions = store;
        assertEquals(List.of(1L, 3L), restarted.requeueInflightOf(NODE, List.of("smpp-out"), NOW + 1).stream()
                .map(RequeuedPart::partId).sorted().toList(), "its own claim and its own hand-over");
        assertEquals(MessageState.INFLIGHT, state(2), "the other node may still be sending it");
        assertEquals(MessageState.INFLIGHT, state(othersPart));
        assertEquals(List.of(String.valueOf(othersPart)), column("SELECT first_id FROM emg_hand_over"));
        assertEquals(List.of("2 " + other), column("SELECT id || ' ' || claimed_by FROM emg_queue WHERE queue_state = 1"));

        assertEquals(List.of(), restarted.requeueExpiredLeases(List.of("smpp-out"), LEASE));
        assertEquals(List.of(2L, othersPart), restarted.requeueExpiredLeases(List.of("smpp-out"), LEASE + 1).stream()
                .map(RequeuedPart::partId).sorted().toList(), "the other node died: its lease ran out");
        assertEquals(List.of("1 0 null", "2 0 null", "3 0 null", othersPart + " 0 null"),
                column("SELECT id || ' ' || queue_state || ' ' || COALESCE(CAST(claimed_by AS VARCHAR), 'null') FROM emg_queue ORDER BY id"),
                "queued again, claimed by nobody");
    }

    @Test
    void aRestartFindsThePartsHandedOverByTheirRangeAndQueuesThemAgain() throws SQLException {
        handOver(1, 2, 3);
        queue(4);
        rows.claim(NODE, "smpp-out", 10, NOW, LEASE);
        rows.markSubmitted("smpp-out", Map.of(2L, "s2"), NOW);

        MessageRows restarted = new MessageRows();
        restarted.sessions = store;
        List<RequeuedPart> requeued = restarted.requeueInflightOf(NODE, List.of("smpp-out"), NOW + 1);

        assertEquals(List.of(1L, 3L, 4L), requeued.stream().map(RequeuedPart::partId).sorted().toList());
        assertEquals(List.of(), column("SELECT first_id FROM emg_hand_over"));
        assertEquals(List.of("1 0", "3 0", "4 0"), column("SELECT id || ' ' || queue_state FROM emg_queue ORDER BY id"));
        assertEquals(List.of(1L, 3L, 4L), restarted.claim(NODE, "smpp-out", 10, NOW + 1, LEASE).parts().stream()
                .map(ClaimedPart::id).sorted().toList());
        assertEquals(MessageState.SUBMITTED, state(2));
    }

    @Test
    void partsHandedOverWhoseLeaseRanOutAreQueuedAgainAndALateAnswerStillCounts() throws SQLException {
        handOver(1, 2);

        assertEquals(List.of(), rows.requeueExpiredLeases(List.of("smpp-out"), LEASE - 1), "the lease still runs");
        assertEquals(List.of(1L, 2L), rows.requeueExpiredLeases(List.of("smpp-out"), LEASE + 1).stream()
                .map(RequeuedPart::partId).sorted().toList());
        assertEquals(Map.of("smpp-out", Map.of(MessageState.QUEUED, 2)), rows.unsettledByState(List.of("smpp-out")));

        rows.markSubmitted("smpp-out", Map.of(1L, "s1"), LEASE + 2);

        assertEquals(MessageState.SUBMITTED, state(1));
        assertEquals(List.of("2 0"), column("SELECT id || ' ' || queue_state FROM emg_queue ORDER BY id"));
    }

    @Test
    void resultsMoveOnlyPartsInFlight() {
        queue(1, 2, 3, 4, 5, 6);
        rows.claim(NODE, "smpp-out", 5, NOW, LEASE);

        rows.markSubmitted("smpp-out", Map.of(1L, "abc"), NOW + 1);
        rows.retryOrFail(List.of(2L), new RetryBackoff(3, 99), NOW + 1, null);
        rows.requeue(List.of(3L), NOW + 200, NOW + 1);
        rows.finish(List.of(4L, 6L), MessageState.FAILED, NOW + 1);

        MessageStatus submitted = rows.status(1).orElseThrow();
        assertEquals(MessageState.SUBMITTED, submitted.state());
        assertEquals("abc", submitted.smscId());
        assertEquals(Instant.ofEpochMilli(NOW + 1), submitted.updated());
        assertEquals(MessageState.QUEUED, state(2));
        assertEquals(1, rows.status(2).orElseThrow().attempts());
        assertEquals(MessageState.QUEUED, state(3));
        assertEquals(0, rows.status(3).orElseThrow().attempts());
        assertEquals(MessageState.FAILED, state(4));
        assertEquals(MessageState.INFLIGHT, state(5));
        assertEquals(MessageState.QUEUED, state(6), "never claimed, so not finished");
        assertEquals(List.of(new ClaimedPart(6, "options of 6", 0)), rows.claim(NODE, "smpp-out", 10, NOW + 99, LEASE).parts(),
                "2 and 3 wait for their due time");
        assertEquals(List.of(new ClaimedPart(2, "options of 2", 1), new ClaimedPart(3, "options of 3", 0)),
                rows.claim(NODE, "smpp-out", 10, NOW + 200, LEASE).parts());
    }

    @Test
    void aTemporaryErrorFailsThePartAtItsLastAttempt() {
        queue(1, 2);
        rows.claim(NODE, "smpp-out", 10, NOW, LEASE);
        assertEquals(List.of(), rows.retryOrFail(List.of(1L, 2L), new RetryBackoff(2, 0), NOW, null));
        rows.claim(NODE, "smpp-out", 10, NOW, LEASE);

        assertEquals(List.of(1L), rows.retryOrFail(List.of(1L), new RetryBackoff(2, 0), NOW, "88"));
        assertEquals(MessageState.FAILED, state(1));
        assertEquals(2, rows.status(1).orElseThrow().attempts());
        assertEquals(MessageState.INFLIGHT, state(2));
    }

    @Test
    void eachRetryWaitsLongerThanTheOneBefore() {
        RetryBackoff backoff = new RetryBackoff(5, 1_000);
        queue(1, 2);
        rows.claim(NODE, "smpp-out", 10, NOW, LEASE);
        rows.retryOrFail(List.of(1L), backoff, NOW, null);
        rows.claim(NODE, "smpp-out", 10, NOW + 1_000, LEASE);
        rows.retryOrFail(List.of(1L, 2L), backoff, NOW + 1_000, null);

        assertEquals(List.of(new ClaimedPart(2, "options of 2", 1)), rows.claim(NODE, "smpp-out", 10, NOW + 2_000, LEASE).parts(),
                "2 failed once: due 1 s later");
        assertEquals(List.of(), rows.claim(NODE, "smpp-out", 10, NOW + 2_999, LEASE).parts());
        assertEquals(List.of(new ClaimedPart(1, "options of 1", 2)), rows.claim(NODE, "smpp-out", 10, NOW + 3_000, LEASE).parts(),
                "1 failed twice: due 2 s later");
    }

    @Test
    void aSubmitAnswerNeverTakesAPartBackFromAFinalState() {
        queue(1, 2, 3);
        rows.claim(NODE, "smpp-out", 2, NOW, LEASE);
        rows.finish(List.of(1L), MessageState.DELIVERED, NOW);

        rows.markSubmitted("smpp-out", Map.of(1L, "late", 2L, "x2", 3L, "x3"), NOW + 1);

        assertEquals(MessageState.DELIVERED, state(1));
        assertEquals(null, rows.status(1).orElseThrow().smscId());
        assertEquals(MessageState.SUBMITTED, state(2));
        assertEquals(MessageState.SUBMITTED, state(3), "an answer after the lease ran out still counts");
        assertEquals("x3", rows.status(3).orElseThrow().smscId());
    }

    @Test
    void leasesThatRanOutGoBackToTheQueue() {
        queue(1, 2);
        rows.claim(NODE, "smpp-out", 1, NOW, NOW + 10);
        rows.claim(NODE, "smpp-out", 1, NOW, NOW + 1_000);

        List<RequeuedPart> expired = rows.requeueExpiredLeases(List.of("smpp-out"), NOW + 11);
        assertEquals(List.of(1L), expired.stream().map(RequeuedPart::partId).toList());
        assertTrue(expired.get(0).mayBeSentTwice().contains("may have been sent twice"), expired.get(0).mayBeSentTwice());
        assertEquals(MessageState.QUEUED, state(1));
        assertEquals(MessageState.INFLIGHT, state(2));
        assertEquals(List.of(2L), rows.requeueInflightOf(NODE, List.of("smpp-out"), NOW + 12).stream().map(RequeuedPart::partId).toList());
        assertEquals(MessageState.QUEUED, state(2));
    }

    @Test
    void retentionPurgesWhatIsDoneWithBeforeTheCutOffAndKeepsTheQueue() {
        rows.insert(List.of(message(1, 1, 2, 0, NOW, null), message(2, 1, 2, 0, NOW, null), message(3, 3, 0, NOW, null),
                message(4, 4, 0, NOW, null), message(5, 5, 0, NOW, null)), NOW);
        rows.claim(NODE, "smpp-out", 4, NOW, LEASE);
        rows.finish(List.of(1L, 2L), MessageState.DELIVERED, NOW + 5);
        rows.markSubmitted("smpp-out", Map.of(3L, "s3"), NOW + 5);
        rows.finish(List.of(4L), MessageState.FAILED, NOW + 50);
        assertTrue(finished.markReported(1, NOW + 5, null));

        PurgeStep first = purge.step(0, 1_000, NOW + 10, 2);
        assertEquals(new PurgeStep(2, 3, false), first, "both parts of message 1, and more rows to look at");
        PurgeStep second = purge.step(first.nextId(), 1_000, NOW + 10, 2);
        assertEquals(new PurgeStep(1, 5, false), second, "SUBMITTED with no receipt since is done with; 4 is too recent");
        assertEquals(new PurgeStep(0, 6, true), purge.step(second.nextId(), 1_000, NOW + 10, 2), "5 is still queued");

        assertEquals(Optional.empty(), rows.status(1));
        assertEquals(Optional.empty(), rows.status(3));
        assertEquals(MessageState.FAILED, state(4));
        assertEquals(MessageState.QUEUED, state(5));
        assertTrue(finished.markReported(1, NOW + 20, null), "the DLR bookkeeping went with the message");
        assertEquals(new PurgeStep(0, 6, true), purge.step(0, 1_000, NOW - 1, 10), "nothing that old");
    }

    @Test
    void aPurgedPartTakesItsReceiptKeyAlongAndAKeptOneKeepsIt() throws SQLException {
        queue(1, 2);
        rows.claim(NODE, "smpp-out", 10, NOW, LEASE);
        rows.markSubmitted("smpp-out", Map.of(1L, "s1", 2L, "s2"), NOW);
        receipts.applyAll("smpp-out", List.of(new SmscReceipt(List.of("s2"), receipt(MessageState.DELIVERED, NOW + 50))));

        assertEquals(new PurgeStep(1, 3, true), purge.step(0, 1_000, NOW + 10, 10), "2 was touched after the cut-off");

        assertEquals(List.of("smpp-out s2 2"), column("SELECT out_connector || ' ' || smsc_id || ' ' || message_id FROM emg_receipt_key"));
    }

    @Test
    void largeGroupsAreSplitIntoSeveralStatements() {
        long[] ids = LongStream.rangeClosed(1, 1_203).toArray();
        queue(ids);
        assertEquals(1_203, rows.claim(NODE, "smpp-out", 2_000, NOW, LEASE).parts().size());
        rows.finish(LongStream.of(ids).boxed().toList(), MessageState.DELIVERED, NOW);
        assertEquals(0, rows.countInflight("smpp-out"));
        assertEquals(MessageState.DELIVERED, state(1_203));
    }

    @Test
    void aReceiptMovesTheSubmittedPartItsSmscIdNames() {
        queue(1, 2);
        rows.claim(NODE, "smpp-out", 10, NOW, LEASE);
        rows.markSubmitted("smpp-out", Map.of(1L, "ff", 2L, "255"), NOW);

        assertTrue(applied("smpp-out", List.of("ff", "255"), receipt(MessageState.DELIVERED, NOW + 1)));
        assertEquals(MessageState.DELIVERED, state(1));
        assertEquals(MessageState.SUBMITTED, state(2), "the first reading that names a part wins");

        assertTrue(applied("smpp-out", List.of("ff", "255"), receipt(MessageState.FAILED, NOW + 2)), "a repeated receipt");
        assertEquals(MessageState.DELIVERED, state(1));
        assertEquals(MessageState.SUBMITTED, state(2), "a repeated receipt does not fall through to the other reading");

        assertFalse(applied("smpp-out", List.of("abc"), receipt(MessageState.DELIVERED, NOW)));
        assertFalse(applied("other", List.of("ff"), receipt(MessageState.DELIVERED, NOW)));
    }

    @Test
    void aPartGetsOneReceiptKeyFromItsFirstAnswerAndNoneWithoutAnId() throws SQLException {
        queue(1, 2, 3);
        rows.claim(NODE, "smpp-out", 10, NOW, LEASE);
        Map<Long, String> answers = new HashMap<>();
        answers.put(1L, "s1");
        answers.put(2L, null);
        rows.markSubmitted("smpp-out", answers, NOW);
        rows.markSubmitted("smpp-out", Map.of(1L, "again", 3L, "s3"), NOW + 1);
        rows.finish(List.of(3L), MessageState.FAILED, NOW + 2);
        rows.markSubmitted("smpp-out", Map.of(3L, "late"), NOW + 3);

        assertEquals(List.of("smpp-out s1 1", "smpp-out s3 3"),
                column("SELECT out_connector || ' ' || smsc_id || ' ' || message_id FROM emg_receipt_key ORDER BY message_id"));
        assertFalse(applied("smpp-out", List.of("again"), receipt(MessageState.DELIVERED, NOW + 4)), "the second answer changed nothing");
    }

    @ParameterizedTest(name = "looked up per group: {0}")
    @ValueSource(booleans = {false, true})
    void aGroupOfReceiptsNamesEachOnesPartsAndMovesAPartOnce(boolean perGroup) {
        queue(1, 2, 3);
        rows.claim(NODE, "smpp-out", 10, NOW, LEASE);
        rows.markSubmitted("smpp-out", Map.of(1L, "ff", 2L, "255", 3L, "a1"), NOW);

        List<List<Long>> named = receipts.applyAll("smpp-out", List.of(
                new SmscReceipt(List.of("ff", "255"), receipt(MessageState.DELIVERED, NOW + 1)),
                new SmscReceipt(List.of("ff"), receipt(MessageState.FAILED, NOW + 2)),
                new SmscReceipt(List.of("abc", "a1"), receipt(MessageState.FAILED, NOW + 3)),
                new SmscReceipt(List.of("abc"), receipt(MessageState.DELIVERED, NOW + 4))), perGroup);

        assertEquals(List.of(List.of(1L), List.of(1L), List.of(3L), List.of()), named);
        assertEquals(MessageState.DELIVERED, state(1), "a receipt repeated within the group leaves the first one's state");
        assertEquals(MessageState.SUBMITTED, state(2), "the first reading that names a part wins");
        assertEquals(MessageState.FAILED, state(3), "the second reading names a part when the first does not");
    }

    @Test
    void messagesOfAGroupAreMarkedReportedOnce() {
        assertTrue(finished.markReported(1, NOW, 50L));
        Map<Long, Long> marks = new LinkedHashMap<>();
        marks.put(1L, 51L);
        marks.put(2L, 52L);
        marks.put(3L, null);
        assertEquals(Set.of(2L, 3L), finished.markReported(marks, NOW + 1), "1 was reported already");
        assertFalse(finished.markReported(2, NOW + 2, 53L));
    }

    @Test
    void earlyReceiptsWaitForTheirSubmitAnswer() throws SQLException {
        receipts.keepEarly("smpp-out", Map.of("a1", receipt(MessageState.DELIVERED, NOW)));
        receipts.keepEarly("smpp-out", Map.of("a1", receipt(MessageState.FAILED, NOW + 1)));
        receipts.keepEarly("smpp-out", Map.of("b2", receipt(MessageState.EXPIRED, NOW + 2)));
        receipts.keepEarly("other", Map.of("a1", receipt(MessageState.DELIVERED, NOW + 3)));

        assertEquals(Map.of("a1", receipt(MessageState.FAILED, NOW + 1)), receipts.takeEarly("smpp-out", Set.of("a1", "zz")));
        assertEquals(Map.of(), receipts.takeEarly("smpp-out", Set.of("a1")), "taken once");
        assertEquals(Map.of(), receipts.takeEarly("smpp-out", Set.of()));
        assertEquals(1, receipts.purgeEarly(NOW + 3));
        assertEquals(List.of("other a1"), column("SELECT out_connector || ' ' || smsc_id FROM emg_early_receipt"));
    }

    @Test
    void theTurnRowIsCreatedOnceAndCanBeTaken() throws SQLException {
        receipts.prepareTurn("smpp-out");
        receipts.prepareTurn("smpp-out");
        receipts.takeTurn("smpp-out");
        receipts.takeTurn("unknown");
        assertEquals(List.of("smpp-out"), column("SELECT connector FROM emg_connector_turn"));
    }

    @Test
    void idBlocksFollowOneAnother() {
        assertEquals(1, idBlocks.reserve(1, 10_000));
        assertEquals(10_001, idBlocks.reserve(1, 10_000));
        assertEquals(1, idBlocks.reserve(2, 5));
        assertEquals(20_001, idBlocks.reserve(1, 1));
    }

    @Test
    void aFinishedMessageCarriesTheErrorOfThePartThatFailed() {
        rows.insert(List.of(message(1, 1, 2, 0, NOW, null), message(2, 1, 2, 0, NOW, null)), NOW);
        rows.claim(NODE, "smpp-out", 10, NOW, LEASE);
        rows.finish(List.of(1L), MessageState.DELIVERED, NOW + 1);
        rows.finish(List.of(2L), MessageState.FAILED, NOW + 2, "0B");

        FinishedMessage whole = finished.finishedBy(List.of(1L, 2L)).get(0);
        assertEquals(MessageState.FAILED, whole.state());
        assertEquals("0B", whole.error());
    }

    @Test
    void partsStoredBeforeTheirCountAreFoundWholeByTheRangeOfTheirMessage() throws SQLException {
        rows.insert(List.of(message(1, 1, 2, 0, NOW, null), message(2, 1, 2, 0, NOW, null), message(3, 3, 0, NOW, null)), NOW);
        try (PreparedStatement ps = store.connection.prepareStatement("UPDATE emg_message SET part_count = NULL")) {
            ps.executeUpdate();
        }
        store.connection.commit();
        rows.claim(NODE, "smpp-out", 10, NOW, LEASE);
        rows.finish(List.of(1L, 3L), MessageState.DELIVERED, NOW + 1);
        assertEquals(List.of(3L), finished.finishedBy(List.of(1L, 3L)).stream().map(FinishedMessage::id).toList(),
                "message 1 waits for its second part; message 3 in its range is not one of its parts");

        rows.finish(List.of(2L), MessageState.FAILED, NOW + 2, "0B");
        List<FinishedMessage> whole = finished.finishedBy(List.of(2L, 3L));
        assertEquals(List.of(1L, 3L), whole.stream().map(FinishedMessage::id).toList());
        assertEquals(List.of(MessageState.FAILED, MessageState.DELIVERED), whole.stream().map(FinishedMessage::state).toList());
        assertEquals("options of 1", whole.get(0).options(), "a message reports with its first part's options");
        assertEquals(MessageState.FAILED, state(1));
        assertEquals(List.of("2"), column("SELECT COUNT(*) FROM emg_message WHERE id BETWEEN 1 AND 255 AND parent_id = 1"));
    }

    private static NewMessage routed(long id, String outConnector, String partners) {
        return new NewMessage(id, id, 1, "http-in", outConnector, 0, NOW, null, "4670" + id, "alice", "options of " + id, null,
                null, partners);
    }

    @Test
    void queuedRowsMoveToAPartnerTheirRouteNames() throws SQLException {
        rows.insert(List.of(routed(1, "smpp-a", ",smpp-b,"), routed(2, "smpp-a", ",smpp-c,smpp-b,"),
                routed(3, "smpp-a", ",smpp-c,"), routed(4, "smpp-a", null), routed(5, "smpp-b", ",smpp-a,")), NOW);
        assertEquals(Set.of("smpp-b", "smpp-c"), Set.copyOf(rows.partnersOfQueued("smpp-a")));

        assertEquals(2, rows.moveToPartner("smpp-a", "smpp-b", NOW + 1));

        assertEquals(List.of("smpp-b", "smpp-b", "smpp-a", "smpp-a", "smpp-b"),
                column("SELECT out_connector FROM emg_message ORDER BY id"));
        assertEquals(List.of(",smpp-a,", ",smpp-c,smpp-a,", ",smpp-c,", ",smpp-a,"),
                column("SELECT partners FROM emg_message WHERE partners IS NOT NULL ORDER BY id"),
                "a moved row may go back to the connector it left");
        assertEquals(List.of("smpp-c"), rows.partnersOfQueued("smpp-a"));
    }

    @Test
    void rowsInFlightOrParkedMoveOnlyOnceQueuedAndParkedOnesAreDueAtOnce() throws SQLException {
        rows.insert(List.of(routed(1, "smpp-a", ",smpp-b,"), routed(2, "smpp-a", ",smpp-b,")), NOW);
        rows.claim(NODE, "smpp-a", 1, NOW, LEASE);
        rows.claim(NODE, "smpp-a", 1, NOW, LEASE);
        rows.park(List.of(2L), NOW);

        assertEquals(1, rows.moveToPartner("smpp-a", "smpp-b", NOW + 7));

        assertEquals(List.of("smpp-a", "smpp-b"), column("SELECT out_connector FROM emg_message ORDER BY id"));
        assertEquals(List.of(Long.toString(NOW + 7)), column("SELECT due_at FROM emg_message WHERE id = 2"));
    }

    @Test
    void theDepthOfAQueueCountsQueuedAndInFlightParts() {
        queue(1, 2, 3, 4);
        rows.claim(NODE, "smpp-out", 2, NOW, LEASE);
        rows.finish(List.of(1L), MessageState.DELIVERED, NOW);
        assertEquals(Map.of("smpp-out", 3, "sink", 0), rows.countUnsettled(List.of("smpp-out", "sink")));
        assertEquals(Map.of("smpp-out", Map.of(MessageState.QUEUED, 2, MessageState.INFLIGHT, 1)),
                rows.unsettledByState(List.of("smpp-out", "sink")));
    }

    /** One receipt applied alone: whether a reading of its id names a stored part. */
    private boolean applied(String connector, List<String> readings, PartReport receipt) {
        return !receipts.applyAll(connector, List.of(new SmscReceipt(readings, receipt))).get(0).isEmpty();
    }
}
