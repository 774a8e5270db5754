package org.openemg.ejb.store;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import org.openemg.core.account.Account;

/** A user's credit as the database keeps it: the running balance and the postpaid limit (see {@link Account}). */
@Entity
@Table(name = "emg_account")
class UserAccount {

    @Id
    @Column(length = 64)
    private String username;
    @Column(nullable = false, precision = 19, scale = Account.SCALE)
    private BigDecimal balance;
    @Column(name = "postpaid_limit", nullable = false, precision = 19, scale = Account.SCALE)
    private BigDecimal postpaidLimit;
    @Column(name = "opened_at", nullable = false)
    private long openedAt;

    protected UserAccount() {
    }

    Account account() {
        return new Account(username, balance, postpaidLimit);
    }
}
