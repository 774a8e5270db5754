package org.openemg.ejb.store;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import org.openemg.core.account.Account;
import org.openemg.core.message.MessageState;

/**
 * The accounts table, in the caller's transaction. A charge is one conditional UPDATE
 * ({@code balance + postpaid_limit >= price}), so concurrent charges are exact on H2 and PostgreSQL without reading
 * first: the row lock orders them and each sees the balance the one before left. Accounts are locked in name order
 * by every statement group here (charges and refunds), so two transactions never wait on each other in a circle.
 */
@ApplicationScoped
public class Accounts {

    private static final String CHARGE = "UPDATE emg_account SET balance = balance - ?"
            + " WHERE username = ? AND balance + postpaid_limit >= ?";
    private static final String CREDIT = "UPDATE emg_account SET balance = balance + ? WHERE username = ?";
    private static final String CHARGED = "SELECT id, username, charge FROM emg_message WHERE ";
    private static final String LOCKED = " AND state = ? AND charge IS NOT NULL FOR UPDATE";

    @Inject
    StoreSessions sessions;

    /** Opens the accounts not in the table yet; an account there already keeps its balance and limit. Returns how many were opened. */
    public int open(Collection<Account> accounts, long now) {
        String sql = "INSERT INTO emg_account (username, balance, postpaid_limit, opened_at)"
                + " SELECT ?, ?, ?, ? WHERE NOT EXISTS (SELECT 1 FROM emg_account WHERE username = ?)";
        return sessions.jdbc("opening " + accounts.size() + " accounts", c -> {
            int opened = 0;
            for (int count : JdbcBatch.run(c, sql, accounts, (ps, account) -> {
                ps.setString(1, account.username());
                ps.setBigDecimal(2, account.balance());
                ps.setBigDecimal(3, account.postpaidLimit());
                ps.setLong(4, now);
                ps.setString(5, account.username());
            })) {
                opened += count;
            }
            return opened;
        });
    }

    /**
     * Applies the charges of the batches, in one JDBC batch (accounts in name order, each account's charges in the
     * order the batches came), marks those refused for want of credit in their {@link Billing}, and records the
     * balance after for each account charged.
     */
    void charge(List<Billing> billings) {
        if (!billings.isEmpty()) {
            sessions.jdbc("charging " + billings.size() + " requests", c -> {
                charge(c, billings);
                return null;
            });
        }
    }

    static void charge(Connection c, List<Billing> billings) throws SQLException {
        record Pending(Billing billing, int index, Billing.Charge charge) {
        }
        List<Pending> pending = new ArrayList<>();
        for (Billing billing : billings) {
            billing.reset();
            for (int i = 0; i < billing.charges().size(); i++) {
                pending.add(new Pending(billing, i, billing.charges().get(i)));
            }
        }
        if (pending.isEmpty()) {
            return;
        }
        pending.sort(Comparator.comparing(p -> p.charge().account()));
        int[] counts = JdbcBatch.run(c, CHARGE, pending, (ps, p) -> {
            ps.setBigDecimal(1, p.charge().amount());
            ps.setString(2, p.charge().account());
            ps.setBigDecimal(3, p.charge().amount());
        });
        TreeSet<String> charged = new TreeSet<>();
        for (int i = 0; i < counts.length; i++) {
            if (counts[i] == 0) {
                pending.get(i).billing().refuse(pending.get(i).index());
            } else {
                charged.add(pending.get(i).charge().account());
            }
        }
        Map<String, BigDecimal> after = balances(c, charged);
        for (Pending p : pending) {
            BigDecimal balance = after.get(p.charge().account());
            if (balance != null) {
                p.billing().balance(p.charge().account(), balance);
            }
        }
    }

    private static Map<String, BigDecimal> balances(Connection c, Collection<String> accounts) throws SQLException {
        Map<String, BigDecimal> balances = new HashMap<>();
        if (accounts.isEmpty()) {
            return balances;
        }
        String in = String.join(",", Collections.nCopies(accounts.size(), "?"));
        try (PreparedStatement ps = c.prepareStatement("SELECT username, balance FROM emg_account WHERE username IN (" + in + ")")) {
            int i = 1;
            for (String account : accounts) {
                ps.setString(i++, account);
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    balances.put(rs.getString(1), rs.getBigDecimal(2));
                }
            }
        }
        return balances;
    }

    /** The user's balance; empty when the user has no account. */
    public Optional<BigDecimal> balance(String username) {
        if (username == null) {
            return Optional.empty();
        }
        return Optional.ofNullable(sessions.jdbc("reading the balance of " + username,
                c -> balances(c, List.of(username)).get(username)));
    }

    /** The balance of the account of the user who sent message {@code id}; empty when there is none. */
    public Optional<BigDecimal> balanceOfSender(long id) {
        return Optional.ofNullable(sessions.jdbc("reading the balance of the sender of " + id, c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT a.balance FROM emg_message m"
                    + " JOIN emg_account a ON a.username = m.username WHERE m.id = ?")) {
                ps.setLong(1, id);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? rs.getBigDecimal(1) : null;
                }
            }
        }));
    }

    /** Every account, by user name (the admin API's view). */
    public List<Account> all() {
        return sessions.managed("reading the accounts", em -> em.createQuery(
                        "select a from UserAccount a order by a.username", UserAccount.class)
                .getResultList().stream().map(UserAccount::account).toList());
    }

    /** A charged part about to change state: locked until the transaction ends. */
    record ChargedPart(long id, String account, BigDecimal charge) {
    }

    /**
     * The charged parts among {@code ids} still in state {@code from}, locked (FOR UPDATE) so that the state change
     * that follows in this transaction moves exactly these.
     */
    static List<ChargedPart> lockCharged(Connection c, Collection<Long> ids, MessageState from) throws SQLException {
        List<ChargedPart> parts = new ArrayList<>();
        for (List<Long> chunk : MessageRows.chunks(ids)) {
            String in = String.join(",", Collections.nCopies(chunk.size(), "?"));
            try (PreparedStatement ps = c.prepareStatement(CHARGED + "id IN (" + in + ")" + LOCKED)) {
                int i = 1;
                for (Long id : chunk) {
                    ps.setLong(i++, id);
                }
                ps.setInt(i, from.code());
                parts.addAll(chargedParts(ps));
            }
        }
        return parts;
    }

    /** As {@link #lockCharged(Connection, Collection, MessageState)}, for the parts of the message {@code messageId}. */
    static List<ChargedPart> lockCharged(Connection c, long messageId, MessageState from) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(CHARGED + PartsOf.SQL + LOCKED)) {
            ps.setInt(PartsOf.bind(ps, 1, messageId), from.code());
            return chargedParts(ps);
        }
    }

    private static List<ChargedPart> chargedParts(PreparedStatement ps) throws SQLException {
        List<ChargedPart> parts = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                parts.add(new ChargedPart(rs.getLong(1), rs.getString(2), rs.getBigDecimal(3)));
            }
        }
        return parts;
    }

    /**
     * Gives the charges of parts that just ended in {@code to} back to their accounts, once: a part whose charge is
     * gone already (refunded) or that is not in {@code to} (another transaction moved it first) gives nothing back.
     */
    static void refund(Connection c, List<ChargedPart> parts, MessageState to) throws SQLException {
        if (parts.isEmpty()) {
            return;
        }
        int[] cleared = JdbcBatch.run(c, "UPDATE emg_message SET charge = NULL WHERE id = ? AND state = ? AND charge IS NOT NULL",
                parts, (ps, part) -> {
                    ps.setLong(1, part.id());
                    ps.setInt(2, to.code());
                });
        Map<String, BigDecimal> byAccount = new TreeMap<>();
        for (int i = 0; i < cleared.length; i++) {
            if (cleared[i] > 0) {
                byAccount.merge(parts.get(i).account(), parts.get(i).charge(), BigDecimal::add);
            }
        }
        JdbcBatch.run(c, CREDIT, byAccount.entrySet(), (ps, e) -> {
            ps.setBigDecimal(1, e.getValue());
            ps.setString(2, e.getKey());
        });
    }
}
