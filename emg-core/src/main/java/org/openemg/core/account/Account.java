package org.openemg.core.account;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.openemg.core.config.ConnectorConfig;
import org.openemg.core.config.ServerConfig;
import org.openemg.core.config.User;

/**
 * A user's credit (spec section 2): the prepaid {@code balance} and the {@code postpaidLimit} it may go below
 * zero by. A message part is paid while {@code balance + postpaidLimit} covers its price, so a prepaid account
 * stops at zero and a postpaid one at minus its limit. The database owns both once the account is opened.
 */
public record Account(String username, BigDecimal balance, BigDecimal postpaidLimit) {

    /** Amounts as the database keeps them: four decimals, as EMG shows a balance ("956489.1699"). */
    public static final int SCALE = 4;

    public Account {
        balance = balance.setScale(SCALE, RoundingMode.HALF_EVEN);
        postpaidLimit = postpaidLimit.setScale(SCALE, RoundingMode.HALF_EVEN);
    }

    /** The account a users-file line opens: BALANCE as credit, POSTPAID as limit; none without either key. */
    public static Optional<Account> opening(User user) {
        if (!user.chargeable()) {
            return Optional.empty();
        }
        return Optional.of(new Account(user.username(), user.balance().orElse(BigDecimal.ZERO),
                user.postpaidLimit().orElse(BigDecimal.ZERO)));
    }

    /**
     * The accounts the users files of the configuration open, one per user name: a name in several files (two
     * connectors' USERS) is one account, opened from the first connector that lists it with BALANCE or POSTPAID.
     */
    public static List<Account> openedBy(ServerConfig config) {
        Map<String, Account> accounts = new LinkedHashMap<>();
        for (ConnectorConfig connector : config.connectors()) {
            connector.users().ifPresent(users -> users.users().forEach(
                    user -> opening(user).ifPresent(account -> accounts.putIfAbsent(account.username(), account))));
        }
        return List.copyOf(accounts.values());
    }

    /** What may still be spent. */
    public BigDecimal available() {
        return balance.add(postpaidLimit);
    }

    /** Whether the account can pay {@code amount} now: what the conditional UPDATE of a charge checks. */
    public boolean covers(BigDecimal amount) {
        return available().compareTo(amount) >= 0;
    }
}
