package org.openemg.core.message;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import org.junit.jupiter.api.Test;
import org.openemg.core.config.ConnectorConfig;
import org.openemg.core.config.ServerConfig;
import org.openemg.core.config.ServerConfigReader;

/** What ends up in a log line when an option bag, a connector or a users file is logged: never a password. */
class SecretsInTextTest {

    private static final String SECRET = "s3cr3t-Pa55";

    @Test
    void optionsShowThePasswordMasked() {
        String text = new Options().set(OptionNames.USERNAME, "alice").set(OptionNames.PASSWORD, SECRET)
                .set(OptionNames.MESSAGE, "hi").toString();
        assertFalse(text.contains(SECRET), text);
        assertTrue(text.contains("PASSWORD=***"), text);
        assertTrue(text.contains("USERNAME=alice"), text);
    }

    @Test
    void connectorsAndUsersLeaveThePasswordsOut() {
        ServerConfig config = ServerConfigReader.parse("server.cfg", String.join("\n",
                "CONNECTOR smpp-out <", "TYPE=OUTGOING", "PROTOCOL=SMPP", "ADDRESS=127.0.0.1:2775", "USERNAME=gw",
                "PASSWORD=" + SECRET, ">",
                "CONNECTOR http-in <", "TYPE=INCOMING", "PROTOCOL=HTTP", "USERS=users", ">"),
                name -> {
                    if (!name.equals("users")) {
                        throw new IOException(name);
                    }
                    return "alice " + SECRET;
                });
        ConnectorConfig out = config.connector("smpp-out").orElseThrow();
        ConnectorConfig in = config.connector("http-in").orElseThrow();
        assertFalse(out.toString().contains(SECRET), out.toString());
        assertFalse(in.users().orElseThrow().toString().contains(SECRET));
        assertFalse(in.users().orElseThrow().find("alice").orElseThrow().toString().contains(SECRET));
        assertFalse(config.toString().contains(SECRET), config.toString());
    }
}
