package org.openemg.ejb.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openemg.core.account.Account;
import org.openemg.core.account.Tariff;
import org.openemg.core.message.MessageState;
import org.openemg.core.retry.RetryBackoff;

/** Accounts on Hibernate and H2 with the real schema: opening, charging inside the batch insert, refunds on the state changes. */
class AccountsTest {

    private static final long NOW = 1_000_000;
    /** The node the test's ids belong to (small ids are node 0's), claiming as the store's only node. */
    private static final int NODE = 0;
    private static final long LEASE = NOW + 60_000;

    private static H2Store store;
    private final Accounts accounts = new Accounts();
    private final MessageRows rows = new MessageRows();
    private final Receipts receipts = new Receipts();
    private final QueuedBatches batches = new QueuedBatches();

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
        accounts.sessions = store;
        rows.sessions = store;
        receipts.sessions = store;
        batches.rows = rows;
        batches.accounts = accounts;
    }

    private static BigDecimal amount(String value) {
        return new BigDecimal(value).setScale(Account.SCALE);
    }

    private BigDecimal balance(String user) {
        return accounts.balance(user).orElseThrow();
    }

    private static NewMessage part(long id, long parentId, int partCount, String user, boolean charged) {
        return new NewMessage(id, parentId, partCount, "http-in", "smpp-out", 0, NOW, null, "4670" + id, user, "options of " + id, null,
                charged ? Tariff.PER_PART : null, null);
    }

    /** One request of {@code parts} parts from ids {@code firstId} on, charged to {@code user}, as one batch. */
    private static QueuedBatch request(String user, long firstId, int parts) {
        List<NewMessage> list = new ArrayList<>();
        for (int i = 0; i < parts; i++) {
            list.add(part(firstId + i, firstId, parts, user, true));
        }
        return new QueuedBatch(list, Set.of(), NOW,
                new Billing(List.of(new Billing.Charge(user, Tariff.price(parts), 0, parts))));
    }

    private boolean stored(long id) {
        return rows.status(id).isPresent();
    }

    @Test
    void accountsAreOpenedOnceAndNeverRewrittenFromTheFile() {
        assertEquals(2, accounts.open(List.of(new Account("pre", amount("50"), BigDecimal.ZERO),
                new Account("post", BigDecimal.ZERO, amount("100"))), NOW));
        batches.insert(List.of(request("pre", 1, 3)));

        assertEquals(1, accounts.open(List.of(new Account("pre", amount("999"), BigDecimal.ZERO),
                new Account("post", amount("5"), amount("5")), new Account("later", amount("7"), BigDecimal.ZERO)), NOW + 1),
                "only the user added to the file since is opened");

        assertEquals(List.of(new Account("later", amount("7"), BigDecimal.ZERO),
                new Account("post", BigDecimal.ZERO, amount("100")),
                new Account("pre", amount("47"), BigDecimal.ZERO)), accounts.all());
        assertEquals(Optional.empty(), accounts.balance("nobody"));
        assertEquals(Optional.empty(), accounts.balance(null));
    }

    @Test
    void aRequestPaysForAllItsPartsOrIsLeftOutAloneFromItsGroup() {
        accounts.open(List.of(new Account("pre", amount("5"), BigDecimal.ZERO), new Account("rich", amount("100"), BigDecimal.ZERO)), NOW);
        QueuedBatch three = request("pre", 10, 3);
        QueuedBatch tooMany = request("pre", 20, 3);
        QueuedBatch two = request("pre", 30, 2);
        QueuedBatch other = request("rich", 40, 1);
        QueuedBatch free = new QueuedBatch(List.of(part(50, 50, 1, "alice", false)), Set.of(), NOW);

        batches.insert(List.of(three, tooMany, free, two, other));

        assertFalse(three.billing().refused(0));
        assertTrue(tooMany.billing().refused(0), "3 + 3 is more than 5: the second request pays nothing");
        assertFalse(two.billing().refused(0), "a later, smaller request still fits");
        assertTrue(stored(10) && rows.status(10).isPresent());
        assertFalse(stored(20), "nothing of the refused request is stored");
        assertTrue(stored(30) && stored(50) && stored(40));
        assertEquals(amount("0"), balance("pre"));
        assertEquals(amount("99"), balance("rich"));
        assertEquals(Optional.of(amount("0")), three.billing().balanceOf("pre"), "the balance once the group committed");
        assertEquals(Optional.of(amount("99")), other.billing().balanceOf("rich"));
        assertEquals(Optional.empty(), free.billing().balanceOf("alice"));
    }

    @Test
    void aPostpaidAccountGoesBelowZeroDownToItsLimit() {
        accounts.open(List.of(new Account("post", BigDecimal.ZERO, amount("3")), new Account("both", amount("1"), amount("1"))), NOW);
        QueuedBatch first = request("post", 1, 2);
        QueuedBatch second = request("post", 10, 2);
        QueuedBatch third = request("post", 20, 1);
        QueuedBatch both = request("both", 30, 2);
        QueuedBatch bothAgain = request("both", 40, 1);

        batches.insert(List.of(first, second, third, both, bothAgain));

        assertFalse(first.billing().refused(0));
        assertTrue(second.billing().refused(0), "-2 - 2 is below -3");
        assertFalse(third.billing().refused(0));
        assertEquals(amount("-3"), balance("post"));
        assertFalse(both.billing().refused(0));
        assertTrue(bothAgain.billing().refused(0));
        assertEquals(amount("-1"), balance("both"));
    }

    @Test
    void anAccountMissingFromTheTableRefusesItsCharge() {
        QueuedBatch batch = request("ghost", 1, 1);
        batches.insert(List.of(batch));
        assertTrue(batch.billing().refused(0));
        assertFalse(stored(1));
    }

    @Test
    void aBatchWrittenAgainForgetsWhatItsRolledBackTryDecided() throws SQLException {
        accounts.open(List.of(new Account("pre", amount("1"), BigDecimal.ZERO)), NOW);
        QueuedBatch batch = request("pre", 1, 2);
        batches.insert(List.of(batch));
        assertTrue(batch.billing().refused(0));

        store.clear();
        accounts.open(List.of(new Account("pre", amount("2"), BigDecimal.ZERO)), NOW);
        batches.insert(List.of(batch));
        assertFalse(batch.billing().refused(0));
        assertEquals(Optional.of(amount("0")), batch.billing().balanceOf("pre"));
    }

    @Test
    void partsTheGatewayCouldNotHandOverAreRefundedOnce() {
        accounts.open(List.of(new Account("pre", amount("10"), BigDecimal.ZERO)), NOW);
        batches.insert(List.of(request("pre", 1, 1), request("pre", 2, 1), request("pre", 3, 1), request("pre", 4, 1),
                request("pre", 5, 1), request("pre", 6, 1)));
        assertEquals(amount("4"), balance("pre"));
        rows.claim(NODE, "smpp-out", 4, NOW, LEASE);

        rows.finish(List.of(1L), MessageState.FAILED, NOW + 1, "0B");
        assertEquals(amount("5"), balance("pre"), "refused by the SMSC");
        rows.finish(List.of(1L), MessageState.FAILED, NOW + 2, "0B");
        assertEquals(amount("5"), balance("pre"), "a repeated answer refunds nothing more");

        assertEquals(List.of(2L), rows.retryOrFail(List.of(2L), new RetryBackoff(1, 0), NOW + 1, null));
        assertEquals(amount("6"), balance("pre"), "retries exhausted");

        rows.finish(List.of(3L), MessageState.DELIVERED, NOW + 1);
        assertEquals(amount("6"), balance("pre"), "delivered: paid for");

        rows.markSubmitted("smpp-out", Map.of(4L, "s4"), NOW + 1);
        applied("smpp-out", List.of("s4"), new PartReport(MessageState.FAILED, "UNDELIVERABLE", NOW + 2, "069"));
        assertEquals(MessageState.FAILED, rows.status(4).orElseThrow().state());
        assertEquals(amount("6"), balance("pre"), "the SMSC carried it; its receipt says it failed on the way");
        rows.finish(List.of(4L), MessageState.FAILED, NOW + 3, "0B");
        assertEquals(amount("6"), balance("pre"), "a late answer for a part the receipt finished refunds nothing");
    }

    @Test
    void queuedPartsThatExpireAreRefundedWhetherTheClaimOrTheSweepFindsThem() {
        accounts.open(List.of(new Account("pre", amount("3"), BigDecimal.ZERO)), NOW);
        QueuedBatch batch = new QueuedBatch(List.of(
                new NewMessage(1, 1, 1, "http-in", "smpp-out", 0, NOW, NOW + 5, "4670", "pre", "o", null, Tariff.PER_PART, null),
                new NewMessage(2, 2, 1, "http-in", "other-out", 0, NOW + 60_000, NOW + 5, "4670", "pre", "o", null, Tariff.PER_PART, null),
                new NewMessage(3, 3, 1, "http-in", "smpp-out", 0, NOW, null, "4670", "pre", "o", null, Tariff.PER_PART, null)),
                Set.of(), NOW, new Billing(List.of(new Billing.Charge("pre", Tariff.price(3), 0, 3))));
        batches.insert(List.of(batch));
        assertEquals(amount("0"), balance("pre"));

        assertEquals(List.of(1L), rows.claim(NODE, "smpp-out", 10, NOW + 10, LEASE).expired());
        assertEquals(amount("1"), balance("pre"));
        assertEquals(List.of(2L), rows.expireOverdue(List.of("other-out"), NOW + 10, 10));
        assertEquals(amount("2"), balance("pre"));
        assertEquals(List.of(), rows.expireOverdue(List.of("other-out", "smpp-out"), NOW + 20, 10));
        assertEquals(amount("2"), balance("pre"));
    }

    @Test
    void aFreePartIsNeverRefunded() {
        accounts.open(List.of(new Account("pre", amount("3"), BigDecimal.ZERO)), NOW);
        rows.insert(List.of(part(1, 1, 1, "pre", false)), NOW);
        rows.claim(NODE, "smpp-out", 1, NOW, LEASE);
        rows.finish(List.of(1L), MessageState.FAILED, NOW, "0B");
        assertEquals(amount("3"), balance("pre"), "accepted before the account was opened: it cost nothing");
    }

    @Test
    void theSenderOfAMessageShowsItsBalance() {
        accounts.open(List.of(new Account("pre", amount("3"), BigDecimal.ZERO)), NOW);
        batches.insert(List.of(request("pre", 1, 1)));
        rows.insert(List.of(part(2, 2, 1, "alice", false)), NOW);
        assertEquals(Optional.of(amount("2")), accounts.balanceOfSender(1));
        assertEquals(Optional.empty(), accounts.balanceOfSender(2));
        assertEquals(Optional.empty(), accounts.balanceOfSender(3));
    }

    /** One receipt applied alone: whether a reading of its id names a stored part. */
    private boolean applied(String connector, List<String> readings, PartReport receipt) {
        return !receipts.applyAll(connector, List.of(new SmscReceipt(readings, receipt))).get(0).isEmpty();
    }
}
