package org.openemg.core.accept;

import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import org.openemg.core.config.ConnectorConfig;
import org.openemg.core.config.ServerConfig;
import org.openemg.core.config.ServerConfigReader;
import org.openemg.core.config.User;
import org.openemg.core.message.Options;

/** One configuration for the acceptance tests: connectors, users, routing and blacklist, all in memory. */
final class SampleGateway {

    /** SHA-256 of "password" in UTF-8. */
    static final String PASSWORD_SHA256 = "5e884898da28047151d0e56f8dc6292773603d0d6aabbdd62a11ef721d1542d8";

    /** Every connector carries messages except {@code down-out}, as if its dispatcher had not started. */
    static final Predicate<String> CARRIES_NOW = name -> !name.equals("down-out");

    private static final Map<String, String> FILES = Map.of(
            "users", String.join("\n",
                    "alice secret",
                    "bob {SHA256}" + PASSWORD_SHA256,
                    "carol pw ALLOWIPS=10.0.0.0/8",
                    "routed pw ROUTE=user-out",
                    "payer pw BALANCE=10"),
            "routing", String.join("\n",
                    "*  down-out            DESTADDR=4690",
                    "*  smpp-in:bob         DESTADDR=4612",
                    "*  down-out,table-out  DESTADDR=4680",
                    "*  fo                  DESTADDR=4685",
                    "*  long-out            DESTADDR=4650",
                    "*  table-out"),
            "blacklist", String.join("\n",
                    "46700000001  REJECT",
                    "46700000002  LOG",
                    "SPAMMER      REJECT  SOURCEADDR"));

    static final ServerConfig CONFIG = ServerConfigReader.parse("server.cfg", String.join("\n",
            "ROUTING=routing",
            "BLACKLIST=blacklist",
            "CONNECTOR http-in <", "TYPE=INCOMING", "PROTOCOL=HTTP", "USERS=users", ">",
            "CONNECTOR open-in <", "TYPE=INCOMING", "PROTOCOL=HTTP", "ALLOWROUTE", "DEFAULT_CHARCODE_TEXT=UTF8", ">",
            "CONNECTOR route-in <", "TYPE=INCOMING", "PROTOCOL=HTTP", "USERS=users", "ALLOWROUTE", "ROUTE=conn-out", ">",
            "CONNECTOR smpp-in <", "TYPE=INCOMING", "PROTOCOL=SMPP", "USERS=users", ">",
            sink("table-out"), sink("user-out"), sink("conn-out"), sink("msg-out"), sink("down-out"),
            "CONNECTOR long-out <", "TYPE=OUTGOING", "PROTOCOL=SINK", "CONCAT=16BIT", ">",
            "CONNECTORGROUP fo <", "TYPE=FAILOVER", "CONNECTOR=down-out", "CONNECTOR=msg-out", ">"),
            FILES::get);

    private SampleGateway() {
    }

    private static String sink(String name) {
        return "CONNECTOR " + name + " <\nTYPE=OUTGOING\nPROTOCOL=SINK\n>";
    }

    static ConnectorConfig connector(String name) {
        return CONFIG.connector(name).orElseThrow();
    }

    static Optional<User> user(String name) {
        return connector("http-in").users().orElseThrow().find(name);
    }

    /** Name-value pairs; a null value leaves the option out. */
    static Options options(String... namesAndValues) {
        Options options = new Options();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            options.set(namesAndValues[i], namesAndValues[i + 1]);
        }
        return options;
    }
}
