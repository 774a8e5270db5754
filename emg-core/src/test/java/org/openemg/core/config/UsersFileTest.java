package org.openemg.core.config;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class UsersFileTest {

    /** SHA-256 of "password" in UTF-8. */
    private static final String PASSWORD_SHA256 = "5e884898da28047151d0e56f8dc6292773603d0d6aabbdd62a11ef721d1542d8";

    private static final UsersFile USERS = UsersFile.parse("users", String.join("\n",
            "# name password keys",
            "alice s3cr#t ROUTE=smpp-out ROUTEDLR=http-dlr BALANCE=100.50",
            "",
            "bob {SHA256}" + PASSWORD_SHA256 + " POSTPAID=250 ALLOWIPS=10.0.0.0/8,::1 ADMIN   # operator",
            "carol {sha256}" + PASSWORD_SHA256.toUpperCase() + " ADMIN=NO ALLOWIPS=192.168.0.0/16",
            "dave påsswörd"));

    @Test
    void readsUsersAndKeys() {
        User alice = USERS.find("alice").orElseThrow();
        assertAll(
                () -> assertEquals(Optional.of("smpp-out"), alice.route()),
                () -> assertEquals(Optional.of("http-dlr"), alice.routeDlr()),
                () -> assertEquals(Optional.of(new BigDecimal("100.50")), alice.balance()),
                () -> assertEquals(Optional.empty(), alice.postpaidLimit()),
                () -> assertFalse(alice.admin()),
                () -> assertTrue(alice.allowsIp("203.0.113.9")),
                () -> assertTrue(alice.allowIps().isEmpty()));
        User bob = USERS.find("bob").orElseThrow();
        assertAll(
                () -> assertEquals(Optional.of(new BigDecimal("250")), bob.postpaidLimit()),
                () -> assertEquals(List.of(Cidr.parse("10.0.0.0/8"), Cidr.parse("::1")), bob.allowIps()),
                () -> assertTrue(bob.admin()),
                () -> assertFalse(USERS.find("carol").orElseThrow().admin()));
        assertEquals(Optional.empty(), USERS.find("mallory"));
        assertEquals(Optional.empty(), USERS.find(null));
        assertEquals(4, USERS.users().size());
    }

    @ParameterizedTest
    @CsvSource({
        "alice, s3cr#t, true",
        "alice, s3cr#T, false",
        "alice, s3cr, false",
        "alice, '', false",
        "bob, password, true",
        "bob, Password, false",
        "bob, " + PASSWORD_SHA256 + ", false",
        "carol, password, true",
        "dave, påsswörd, true",
        "dave, passwort, false",
    })
    void checksPasswordsInClearAndHashed(String user, String candidate, boolean matches) {
        assertEquals(matches, USERS.find(user).orElseThrow().passwordMatches(candidate));
    }

    @Test
    void nullPasswordNeverMatches() {
        assertFalse(USERS.find("alice").orElseThrow().passwordMatches(null));
    }

    @ParameterizedTest
    @CsvSource({
        "bob, 10.1.2.3, true",
        "bob, 11.1.2.3, false",
        "bob, ::1, true",
        "bob, [::1], true",
        "bob, ::2, false",
        "bob, ::ffff:10.9.9.9, true",
        "bob, not-an-ip, false",
        "carol, 192.168.44.1, true",
        "carol, 192.169.0.1, false",
    })
    void restrictsClientAddresses(String user, String ip, boolean allowed) {
        assertEquals(allowed, USERS.find(user).orElseThrow().allowsIp(ip));
    }

    @Test
    void passwordsStayOutOfToString() {
        String text = USERS.find("alice").orElseThrow().toString() + USERS;
        assertFalse(text.contains("s3cr"), text);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "alice secret FOO=1                  | unknown user keyword FOO",
        "alice                               | expected 'username password",
        "alice secret BALANCE=lots           | BALANCE must be a number",
        "alice secret POSTPAID=-5            | POSTPAID must not be negative",
        "alice secret ALLOWIPS=10.0.0.0/33   | bad prefix length",
        "alice secret ALLOWIPS=host.example  | not an IP address",
        "alice secret ADMIN=perhaps          | ADMIN must be YES or NO",
        "alice secret ROUTE                  | ROUTE needs a value",
        "alice {SHA256}abc                   | 64 hex digits",
        "alice secret ==x                    | expected KEYWORD=value",
        "bob x                               | user 'bob' is defined twice",
    })
    void rejectsBadLinesWithFileAndLine(String line, String problem) {
        ConfigException e = assertThrows(ConfigException.class,
                () -> UsersFile.parse("users", "bob x\n# comment\n" + line + "\n"));
        assertEquals("users", e.file());
        assertEquals(3, e.line());
        assertTrue(e.problem().contains(problem), e.getMessage());
        assertFalse(e.getMessage().contains("secret"), e.getMessage());
    }
}
