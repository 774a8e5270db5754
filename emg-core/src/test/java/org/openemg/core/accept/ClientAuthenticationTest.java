package org.openemg.core.accept;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.openemg.core.accept.SampleGateway.PASSWORD_SHA256;
import static org.openemg.core.accept.SampleGateway.connector;
import static org.openemg.core.accept.SampleGateway.user;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.openemg.core.message.ClientIdentity;
import org.openemg.core.message.GatewayException;
import org.openemg.core.message.Status;

class ClientAuthenticationTest {

    @ParameterizedTest(name = "{0} {1}/{2} from {3} -> {4}")
    @CsvSource({
        // no USERS: open to anyone, whatever the credentials
        "open-in, , , 192.0.2.1, OK",
        "open-in, mallory, guess, 192.0.2.1, OK",
        // missing credentials
        "http-in, , , 192.0.2.1, INVALID_LOGIN",
        "http-in, alice, , 192.0.2.1, INVALID_LOGIN",
        "http-in, , secret, 192.0.2.1, INVALID_LOGIN",
        // unknown user, wrong password
        "http-in, mallory, secret, 192.0.2.1, INVALID_LOGIN",
        "http-in, alice, Secret, 192.0.2.1, INVALID_LOGIN",
        "http-in, alice, '', 192.0.2.1, INVALID_LOGIN",
        "http-in, alice, secret, 192.0.2.1, OK",
        "http-in, alice, secret, , OK",
        // a {SHA256} password is checked against the clear text, never against the hash itself
        "http-in, bob, password, 192.0.2.1, OK",
        "http-in, bob, " + PASSWORD_SHA256 + ", 192.0.2.1, INVALID_LOGIN",
        "http-in, bob, {SHA256}" + PASSWORD_SHA256 + ", 192.0.2.1, INVALID_LOGIN",
        // ALLOWIPS: only from those addresses, and only once the password is right
        "http-in, carol, pw, 10.1.2.3, OK",
        "http-in, carol, pw, 11.1.2.3, ACCESS_DENIED",
        "http-in, carol, pw, , ACCESS_DENIED",
        "http-in, carol, wrong, 11.1.2.3, INVALID_LOGIN",
        // an SMPP bind goes by the same rules
        "smpp-in, carol, pw, 10.0.0.1, OK",
        "smpp-in, carol, pw, 192.0.2.1, ACCESS_DENIED",
        "smpp-in, alice, nope, 10.0.0.1, INVALID_LOGIN",
    })
    void loginOutcomes(String connector, String username, String password, String remote, Status expected) {
        assertEquals(expected, ClientAuthentication.login(connector(connector), username, password, remote));
    }

    @Test
    void statusCodesAreThoseOfTheSpec() {
        assertEquals(3, ClientAuthentication.login(connector("http-in"), "alice", "x", "192.0.2.1").code());
        assertEquals(10, ClientAuthentication.login(connector("http-in"), "carol", "pw", "192.0.2.1").code());
    }

    @Test
    void authenticateGivesTheListedUser() {
        Client client = ClientAuthentication.authenticate(connector("http-in"), "bob", "password", "192.0.2.1");
        assertEquals(user("bob"), client.user());
        assertEquals("192.0.2.1", client.remoteAddress());
    }

    @Test
    void authenticateOnAnOpenConnectorVouchesForNobody() {
        Client client = ClientAuthentication.authenticate(connector("open-in"), "alice", "secret", "192.0.2.1");
        assertEquals(Optional.empty(), client.user());
    }

    @ParameterizedTest
    @CsvSource({
        "alice, wrong, 192.0.2.1, INVALID_LOGIN",
        "carol, pw, 192.0.2.1, ACCESS_DENIED",
    })
    void authenticateRefusesWithTheLoginStatus(String username, String password, String remote, Status expected) {
        GatewayException e = assertThrows(GatewayException.class,
                () -> ClientAuthentication.authenticate(connector("http-in"), username, password, remote));
        assertEquals(expected, e.status());
        assertEquals(expected.text(), e.statusText());
    }

    @Test
    void identifyTakesTheUserTheConnectorLoggedIn() {
        Client client = ClientAuthentication.identify(connector("smpp-in"), new ClientIdentity("routed", "192.0.2.9"));
        assertEquals(user("routed"), client.user());
        assertEquals("192.0.2.9", client.remoteAddress());
    }

    @Test
    void identifyOnAnOpenConnectorIsAnonymous() {
        Client client = ClientAuthentication.identify(connector("open-in"), new ClientIdentity("alice", "192.0.2.9"));
        assertEquals(Optional.empty(), client.user());
        assertEquals("192.0.2.9", client.remoteAddress());
    }

    @ParameterizedTest(name = "{0} from {1} -> {2}")
    @CsvSource({
        // removed from the users file since the bind, or never logged in on a connector with USERS
        "gone, 10.0.0.1, INVALID_LOGIN",
        ", 10.0.0.1, INVALID_LOGIN",
        "carol, 192.0.2.1, ACCESS_DENIED",
    })
    void identifyRefusesWhatALoginWouldRefuse(String username, String remote, Status expected) {
        GatewayException e = assertThrows(GatewayException.class,
                () -> ClientAuthentication.identify(connector("smpp-in"), new ClientIdentity(username, remote)));
        assertEquals(expected, e.status());
    }
}
