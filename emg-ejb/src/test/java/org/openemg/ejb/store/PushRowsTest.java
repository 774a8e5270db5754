package org.openemg.ejb.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openemg.core.message.MessageState;

/** The bookkeeping of WAP pushes on Hibernate and H2: pending, duplicates, addresses with their parts' states. */
class PushRowsTest {

    private static final long NOW = 2_000_000;
    /** The node the test's ids belong to (small ids are node 0's), claiming as the store's only node. */
    private static final int NODE = 0;
    private static final String A = "WAPPUSH=+46701234567/TYPE=PLMN";
    private static final String B = "WAPPUSH=+46707654321/TYPE=PLMN";

    private static H2Store store;
    private final MessageRows rows = new MessageRows();
    private final PushRows pushes = new PushRows();

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
        pushes.sessions = store;
    }

    /** Message {@code id} of {@code parts} parts, ids id, id+1, ... */
    private void message(long id, int parts) {
        message(id, parts, "DESTADDR=4670&DLR=1");
    }

    private void message(long id, int parts, String options) {
        for (int i = 0; i < parts; i++) {
            rows.insert(List.of(new NewMessage(id + i, id, parts, "pap-in", "smpp-out", 0, NOW, null, "4670", "pi", options, null)), NOW);
        }
    }

    /** Sends every queued part, then ends {@code ids} DELIVERED at {@code at}. */
    private void deliver(long at, Long... ids) {
        rows.claim(NODE, "smpp-out", 100, NOW + 3, NOW + 60_000);
        rows.finish(List.of(ids), MessageState.DELIVERED, at);
    }

    private static PushedMessage pushed(long messageId, String pushId, int index, String address) {
        return new PushedMessage(messageId, "pap-in", "pi", pushId, index, address, NOW - 5);
    }

    @Test
    void aRecordedPushIsPendingUntilEveryPartIsFinal() {
        message(10, 2);
        message(20, 1);
        assertTrue(pushes.record(List.of(pushed(10, "p1", 0, A), pushed(20, "p1", 1, B))));

        assertTrue(pushes.pending("pap-in", "pi", "p1"));
        deliver(NOW + 4, 10L, 11L);
        assertTrue(pushes.pending("pap-in", "pi", "p1"));
        deliver(NOW + 4, 20L);
        assertFalse(pushes.pending("pap-in", "pi", "p1"));
    }

    @Test
    void aPushIsKnownOnlyToItsConnectorAndOwner() {
        message(10, 1);
        pushes.record(List.of(pushed(10, "p1", 0, A)));

        assertFalse(pushes.pending("pap-in", "", "p1"));
        assertFalse(pushes.pending("pap-2", "pi", "p1"));
        assertEquals(List.of(), pushes.addresses("pap-in", "someone", "p1"));
    }

    @Test
    void aSecondPushWithThePushIdIsNotRecorded() {
        message(10, 1);
        message(20, 1);
        assertTrue(pushes.record(List.of(pushed(10, "p1", 0, A))));

        assertFalse(pushes.record(List.of(pushed(20, "p1", 0, B))));
        assertEquals(List.of(A), pushes.addresses("pap-in", "pi", "p1").stream().map(PushedAddress::address).toList());
    }

    @Test
    void aFinishedPushIsForgottenAndItsPushIdFree() {
        message(10, 1);
        message(20, 1);
        pushes.record(List.of(pushed(10, "p1", 0, A)));
        deliver(NOW + 4, 10L);

        pushes.forgetFinished("pap-in", "pi", "p1");

        assertEquals(List.of(), pushes.addresses("pap-in", "pi", "p1"));
        assertTrue(pushes.record(List.of(pushed(20, "p1", 0, B))));
    }

    /** Another push with the push-id, committed after this one found none pending, must not be forgotten. */
    @Test
    void aPendingPushIsNotForgotten() {
        message(10, 1);
        message(20, 1);
        pushes.record(List.of(pushed(10, "p1", 0, A)));

        pushes.forgetFinished("pap-in", "pi", "p1");

        assertEquals(List.of(A), pushes.addresses("pap-in", "pi", "p1").stream().map(PushedAddress::address).toList());
        assertFalse(pushes.record(List.of(pushed(20, "p1", 0, B))));
    }

    @Test
    void addressesComeInPushOrderWithTheStatesOfTheirParts() {
        message(20, 1);
        message(10, 2);
        pushes.record(List.of(pushed(20, "p1", 0, A), pushed(10, "p1", 1, B)));
        deliver(NOW + 7, 11L);

        assertEquals(List.of(new PushedAddress(A, 20, List.of(MessageState.INFLIGHT), NOW + 3),
                        new PushedAddress(B, 10, List.of(MessageState.INFLIGHT, MessageState.DELIVERED), NOW + 7)),
                pushes.addresses("pap-in", "pi", "p1"));
    }

    @Test
    void anAddressKnowsWhetherItsMessageAskedForReceipts() {
        message(10, 1);
        message(20, 1, "DESTADDR=4671");
        pushes.record(List.of(pushed(10, "p1", 0, A), pushed(20, "p1", 1, B)));

        assertEquals(List.of(true, false), pushes.addresses("pap-in", "pi", "p1").stream().map(PushedAddress::receiptsAwaited).toList());
    }
}
