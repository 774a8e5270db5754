package org.openemg.ejb.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.openemg.core.account.Tariff;
import org.openemg.core.message.MessageState;

/**
 * Charges racing on one account from many connections at once, each in a transaction of its own, as concurrent
 * commit groups and caller transactions do: exactly as many are paid as the balance covers. Refunds racing to end
 * the same parts (a sweep and a result, say): each part refunded once. On H2 always; on
 * PostgreSQL when {@code -Demg.test.pg.url=jdbc:postgresql://host/db} (with {@code emg.test.pg.user} and
 * {@code .password}) names a database and the driver is on the test class path.
 */
class ChargeRaceTest {

    private static final int CLIENTS = 200;
    private static final int BALANCE = 50;

    @Test
    void twoHundredChargesOnABalanceOfFiftyPayExactlyFiftyOnH2() throws Exception {
        String url = "jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
        race(url, "sa", "sa");
    }

    @Test
    void twoHundredChargesOnABalanceOfFiftyPayExactlyFiftyOnPostgresql() throws Exception {
        String url = System.getProperty("emg.test.pg.url");
        Assumptions.assumeTrue(url != null, "no PostgreSQL named (-Demg.test.pg.url)");
        race(url, System.getProperty("emg.test.pg.user"), System.getProperty("emg.test.pg.password"));
    }

    @Test
    void partsTwoTransactionsEndAtOnceAreRefundedOnceOnH2() throws Exception {
        String url = "jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
        refundRace(url, "sa", "sa");
    }

    @Test
    void partsTwoTransactionsEndAtOnceAreRefundedOnceOnPostgresql() throws Exception {
        String url = System.getProperty("emg.test.pg.url");
        Assumptions.assumeTrue(url != null, "no PostgreSQL named (-Demg.test.pg.url)");
        refundRace(url, System.getProperty("emg.test.pg.user"), System.getProperty("emg.test.pg.password"));
    }

    /** Ten rounds: two transactions end the same ten charged parts FAILED at the same moment, as MessageRows does. */
    private static void refundRace(String url, String user, String password) throws Exception {
        String account = "refund-" + UUID.randomUUID().toString().substring(0, 8);
        long firstId = System.nanoTime() % 1_000_000_000L * 1_000;
        try (Connection c = DriverManager.getConnection(url, user, password)) {
            DatabaseSchema.migrate(c, DatabaseSchema::resource);
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO emg_account (username, balance, postpaid_limit, opened_at) VALUES (?, 0, 0, 0)")) {
                ps.setString(1, account);
                ps.executeUpdate();
            }
        }
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < 10; round++) {
                List<Long> ids = new ArrayList<>();
                try (Connection c = DriverManager.getConnection(url, user, password);
                     PreparedStatement ps = c.prepareStatement("INSERT INTO emg_message (id, parent_id, state, in_connector,"
                             + " priority, due_at, attempts, username, created_at, updated_at, options, charge)"
                             + " VALUES (?, ?, ?, 'http-in', 0, 0, 0, ?, 0, 0, 'o', 1)")) {
                    for (int i = 0; i < 10; i++) {
                        long id = firstId + round * 10L + i;
                        ids.add(id);
                        ps.setLong(1, id);
                        ps.setLong(2, id);
                        ps.setInt(3, MessageState.INFLIGHT.code());
                        ps.setString(4, account);
                        ps.executeUpdate();
                    }
                }
                CountDownLatch start = new CountDownLatch(1);
                Callable<Void> end = () -> {
                    try (Connection c = DriverManager.getConnection(url, user, password)) {
                        c.setAutoCommit(false);
                        start.await();
                        List<Accounts.ChargedPart> locked = Accounts.lockCharged(c, ids, MessageState.INFLIGHT);
                        try (PreparedStatement ps = c.prepareStatement(
                                "UPDATE emg_message SET state = ? WHERE id = ? AND state = ?")) {
                            for (Long id : ids) {
                                ps.setInt(1, MessageState.FAILED.code());
                                ps.setLong(2, id);
                                ps.setInt(3, MessageState.INFLIGHT.code());
                                ps.executeUpdate();
                            }
                        }
                        Accounts.refund(c, locked, MessageState.FAILED);
                        c.commit();
                    }
                    return null;
                };
                Future<Void> first = pool.submit(end);
                Future<Void> second = pool.submit(end);
                start.countDown();
                first.get();
                second.get();
                assertEquals(10 * (round + 1), balance(url, user, password, account).intValueExact(), "round " + round);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static BigDecimal balance(String url, String user, String password, String account) throws SQLException {
        try (Connection c = DriverManager.getConnection(url, user, password);
             PreparedStatement ps = c.prepareStatement("SELECT balance FROM emg_account WHERE username = ?")) {
            ps.setString(1, account);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getBigDecimal(1).stripTrailingZeros();
            }
        }
    }

    private static void race(String url, String user, String password) throws Exception {
        String account = "race-" + UUID.randomUUID().toString().substring(0, 8);
        try (Connection c = DriverManager.getConnection(url, user, password)) {
            DatabaseSchema.migrate(c, DatabaseSchema::resource);
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO emg_account (username, balance, postpaid_limit, opened_at) VALUES (?, ?, 0, 0)")) {
                ps.setString(1, account);
                ps.setInt(2, BALANCE);
                ps.executeUpdate();
            }
        }
        CountDownLatch start = new CountDownLatch(1);
        List<Callable<Boolean>> clients = new ArrayList<>();
        for (int i = 0; i < CLIENTS; i++) {
            clients.add(() -> {
                try (Connection c = DriverManager.getConnection(url, user, password)) {
                    c.setAutoCommit(false);
                    Billing billing = new Billing(List.of(new Billing.Charge(account, Tariff.price(1), 0, 1)));
                    start.await();
                    Accounts.charge(c, List.of(billing));
                    c.commit();
                    return !billing.refused(0);
                }
            });
        }
        ExecutorService pool = Executors.newFixedThreadPool(50);
        try {
            List<Future<Boolean>> results = new ArrayList<>();
            for (Callable<Boolean> client : clients) {
                results.add(pool.submit(client));
            }
            start.countDown();
            int paid = 0;
            for (Future<Boolean> result : results) {
                paid += result.get() ? 1 : 0;
            }
            assertEquals(BALANCE, paid);
        } finally {
            pool.shutdownNow();
        }
        assertEquals(0, balance(url, user, password, account).compareTo(BigDecimal.ZERO));
    }
}
