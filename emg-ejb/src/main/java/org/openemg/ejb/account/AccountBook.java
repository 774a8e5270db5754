package org.openemg.ejb.account;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;
import org.openemg.core.account.Account;
import org.openemg.core.config.ServerConfig;
import org.openemg.ejb.store.Accounts;

/**
 * The users' accounts (spec section 2): opened from the users files when a configuration is loaded, and read for
 * answers and the admin API. Charges and refunds happen where messages are stored and end, not here.
 */
@Stateless
public class AccountBook {

    private static final Logger LOG = Logger.getLogger(AccountBook.class.getName());

    @Inject
    private Accounts accounts;

    /** Opens an account for each user of the configuration with BALANCE or POSTPAID that has none yet; the others keep theirs. */
    public void open(ServerConfig config) {
        List<Account> listed = Account.openedBy(config);
        if (listed.isEmpty()) {
            return;
        }
        int opened = accounts.open(listed, System.currentTimeMillis());
        LOG.info(opened + " accounts opened from the users files, " + (listed.size() - opened)
                + " kept with their balances from the database");
    }

    /** Every account with its balance and postpaid limit, by user name. */
    public List<Account> accounts() {
        return accounts.all();
    }

    /** The user's balance; empty when the user has no account. */
    public Optional<BigDecimal> balance(String username) {
        return accounts.balance(username);
    }

    /** The balance of the account that sent message {@code id}; empty when its user has none. */
    public Optional<BigDecimal> balanceOfSender(long id) {
        return accounts.balanceOfSender(id);
    }
}
