package org.openemg.ejb.store;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the requests of one {@link QueuedBatch} cost: each charge pays for a run of the batch's rows, all or none,
 * in the transaction that inserts them. Once written it says which charges the accounts refused for want of credit
 * (their rows are left out, the other requests of the batch and of its commit group go on) and each account's balance
 * after the charges. Written by the transaction that commits the batch; one that rolled back is forgotten when the
 * batch is written again.
 */
public final class Billing {

    /** {@code amount} on {@code account} for the rows {@code firstRow} to {@code firstRow + rowCount - 1}. */
    public record Charge(String account, BigDecimal amount, int firstRow, int rowCount) {
    }

    private final List<Charge> charges;
    private final boolean[] refused;
    private final Map<String, BigDecimal> balances = new HashMap<>();

    public Billing(List<Charge> charges) {
        this.charges = List.copyOf(charges);
        this.refused = new boolean[charges.size()];
    }

    /** Requests nobody pays for. */
    public static Billing free() {
        return new Billing(List.of());
    }

    public List<Charge> charges() {
        return charges;
    }

    public boolean isFree() {
        return charges.isEmpty();
    }

    /** Before each try at writing the batch: nothing refused, no balance known. */
    void reset() {
        Arrays.fill(refused, false);
        balances.clear();
    }

    void refuse(int charge) {
        refused[charge] = true;
    }

    void balance(String account, BigDecimal balance) {
        balances.put(account, balance);
    }

    /** Whether the account refused the charge (not enough credit): its rows were not stored. */
    public boolean refused(int charge) {
        return refused[charge];
    }

    /** The account's balance once the batch was committed; empty when nothing was charged to it. */
    public Optional<BigDecimal> balanceOf(String account) {
        return Optional.ofNullable(balances.get(account));
    }

    /** The rows to store: all but those of refused charges. */
    public <T> List<T> paid(List<T> rows) {
        if (!anyRefused()) {
            return rows;
        }
        boolean[] dropped = new boolean[rows.size()];
        for (int i = 0; i < charges.size(); i++) {
            if (refused[i]) {
                Charge charge = charges.get(i);
                Arrays.fill(dropped, charge.firstRow(), charge.firstRow() + charge.rowCount(), true);
            }
        }
        List<T> paid = new ArrayList<>(rows.size());
        for (int i = 0; i < rows.size(); i++) {
            if (!dropped[i]) {
                paid.add(rows.get(i));
            }
        }
        return paid;
    }

    private boolean anyRefused() {
        for (boolean r : refused) {
            if (r) {
                return true;
            }
        }
        return false;
    }
}
