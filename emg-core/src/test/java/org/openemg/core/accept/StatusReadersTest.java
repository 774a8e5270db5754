package org.openemg.core.accept;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.openemg.core.config.ConnectorConfig;
import org.openemg.core.config.ServerConfig;
import org.openemg.core.config.ServerConfigReader;

class StatusReadersTest {

    private static final Map<String, String> FILES = Map.of(
            "users", "alice secret\nbob secret\nroot secret ADMIN",
            "others", "alice other");

    private static final ServerConfig CONFIG = ServerConfigReader.parse("server.cfg", String.join("\n",
            "CONNECTOR http-in <", "TYPE=INCOMING", "PROTOCOL=HTTP", "USERS=users", ">",
            "CONNECTOR smtp-in <", "TYPE=INCOMING", "PROTOCOL=SMTP", "USERS=users", ">",
            "CONNECTOR smpp-in <", "TYPE=INCOMING", "PROTOCOL=SMPP", "USERS=others", ">",
            "CONNECTOR open-in <", "TYPE=INCOMING", "PROTOCOL=HTTP", ">",
            "CONNECTOR open-2 <", "TYPE=INCOMING", "PROTOCOL=HTTP", ">"),
            name -> Optional.ofNullable(FILES.get(name)).orElseThrow(() -> new IOException("no file " + name)));

    private static ConnectorConfig connector(String name) {
        return CONFIG.connector(name).orElseThrow();
    }

    private static Client user(String connector, String name) {
        return new Client(connector(connector).users().orElseThrow().find(name), "192.0.2.1");
    }

    private static boolean mayRead(String asked, Client client, String sentOn, String sentBy) {
        return StatusReaders.mayRead(CONFIG, connector(asked), client, sentOn, sentBy);
    }

    @Test
    void theSenderReadsItsMessageFromAnyConnectorOfTheSameUsersFile() {
        assertTrue(mayRead("http-in", user("http-in", "alice"), "http-in", "alice"));
        assertTrue(mayRead("http-in", user("http-in", "alice"), "smtp-in", "alice"));
    }

    @Test
    void anotherUserReadsNothing() {
        assertFalse(mayRead("http-in", user("http-in", "bob"), "http-in", "alice"));
        assertFalse(mayRead("http-in", user("http-in", "bob"), "http-in", null));
    }

    @Test
    void theSameNameInAnotherUsersFileIsAnotherAccount() {
        assertFalse(mayRead("http-in", user("http-in", "alice"), "smpp-in", "alice"));
        assertFalse(mayRead("http-in", user("http-in", "alice"), "gone-in", "alice"), "a connector no longer configured");
    }

    @Test
    void anAdminReadsEveryMessage() {
        assertTrue(mayRead("http-in", user("http-in", "root"), "smpp-in", "alice"));
        assertTrue(mayRead("http-in", user("http-in", "root"), "open-in", null));
    }

    @Test
    void onAConnectorWithoutUsersOnlyItsOwnMessagesWithoutAUserAreRead() {
        Client anyone = new Client(Optional.empty(), "192.0.2.1");
        assertTrue(mayRead("open-in", anyone, "open-in", null));
        assertFalse(mayRead("open-in", anyone, "open-2", null));
        assertFalse(mayRead("open-in", anyone, "http-in", "alice"));
    }

    @Test
    void noUserOnAConnectorWithUsersReadsNothing() {
        assertFalse(mayRead("http-in", new Client(Optional.empty(), "192.0.2.1"), "http-in", null));
    }
}
