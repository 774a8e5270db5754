package org.openemg.core.account;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.openemg.core.config.ServerConfig;
import org.openemg.core.config.ServerConfigReader;
import org.openemg.core.config.UsersFile;

class AccountTest {

    private static final UsersFile USERS = UsersFile.parse("users", String.join("\n",
            "prepaid pw BALANCE=956489.16994",
            "postpaid pw POSTPAID=250",
            "both pw BALANCE=10 POSTPAID=5",
            "free pw ROUTE=sink",
            "broke pw BALANCE=0"));

    private static Optional<Account> opening(String user) {
        return Account.opening(USERS.find(user).orElseThrow());
    }

    private static BigDecimal amount(String value) {
        return new BigDecimal(value);
    }

    @Test
    void aUsersLineWithBalanceOrPostpaidOpensAnAccountAtFourDecimals() {
        assertEquals(Optional.of(new Account("prepaid", amount("956489.1699"), BigDecimal.ZERO)), opening("prepaid"));
        assertEquals("956489.1699", opening("prepaid").orElseThrow().balance().toPlainString());
        assertEquals("0.0000", opening("prepaid").orElseThrow().postpaidLimit().toPlainString());
        assertEquals(Optional.of(new Account("postpaid", BigDecimal.ZERO, amount("250"))), opening("postpaid"));
        assertEquals(Optional.of(new Account("both", amount("10"), amount("5"))), opening("both"));
        assertEquals(Optional.of(new Account("broke", BigDecimal.ZERO, BigDecimal.ZERO)), opening("broke"),
                "BALANCE=0 is an account that cannot send, not a free user");
    }

    @Test
    void aUserWithoutEitherKeyHasNoAccountAndIsNotCharged() {
        assertEquals(Optional.empty(), opening("free"));
        assertFalse(USERS.find("free").orElseThrow().chargeable());
        assertTrue(USERS.find("broke").orElseThrow().chargeable());
        assertTrue(USERS.find("postpaid").orElseThrow().chargeable());
    }

    @ParameterizedTest
    @CsvSource({
        // balance, postpaid limit, price, covered
        "50, 0, 1, true",
        "1, 0, 1, true",
        "0.9999, 0, 1, false",
        "0, 0, 1, false",
        "0, 250, 1, true",
        "-249, 250, 1, true",
        "-249.5, 250, 1, false",
        "-250, 250, 1, false",
        "2, 1, 3, true",
        "2, 0.9999, 3, false",
        "10, 5, 15, true",
        "10, 5, 16, false",
    })
    void aChargeIsCoveredWhileBalancePlusPostpaidLimitReachesThePrice(String balance, String limit, String price,
                                                                      boolean covered) {
        Account account = new Account("u", amount(balance), amount(limit));
        assertEquals(covered, account.covers(amount(price)));
        assertEquals(amount(balance).add(amount(limit)).compareTo(account.available()), 0);
    }

    @Test
    void aUserListedByTwoConnectorsIsOneAccountOpenedFromTheFirst() {
        Map<String, String> files = Map.of(
                "users-a", "shared pw BALANCE=7\nonly-a pw POSTPAID=3\nfree pw",
                "users-b", "shared pw BALANCE=99\nonly-b pw BALANCE=1");
        ServerConfig config = ServerConfigReader.parse("server.cfg", String.join("\n",
                "CONNECTOR a <", "TYPE=INCOMING", "PROTOCOL=HTTP", "USERS=users-a", ">",
                "CONNECTOR b <", "TYPE=INCOMING", "PROTOCOL=SMPP", "USERS=users-b", ">",
                "CONNECTOR open <", "TYPE=INCOMING", "PROTOCOL=HTTP", "ADDRESS=127.0.0.1:8081", ">"), files::get);

        assertEquals(List.of(new Account("shared", amount("7"), BigDecimal.ZERO),
                        new Account("only-a", BigDecimal.ZERO, amount("3")),
                        new Account("only-b", amount("1"), BigDecimal.ZERO)),
                Account.openedBy(config));
    }
}
