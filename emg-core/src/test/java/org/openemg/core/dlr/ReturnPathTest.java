package org.openemg.core.dlr;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.openemg.core.config.ServerConfig;
import org.openemg.core.config.ServerConfigReader;
import org.openemg.core.message.Options;

class ReturnPathTest {

    private static final Map<String, String> FILES = Map.of(
            "users", "acme secret\nrouted secret ROUTEDLR=user-dlr\n");

    private static final ServerConfig CONFIG = ServerConfigReader.parse("server.cfg", String.join("\n",
            "CONNECTOR smpp-in <", "TYPE=INCOMING", "PROTOCOL=SMPP", "USERS=users", ">",
            "CONNECTOR http-in <", "TYPE=INCOMING", "PROTOCOL=HTTP", "USERS=users", "REDIRECT=http-dlr", ">",
            "CONNECTOR bare-in <", "TYPE=INCOMING", "PROTOCOL=HTTP", ">",
            "CONNECTOR group-in <", "TYPE=INCOMING", "PROTOCOL=HTTP", "REDIRECT=dlr-group", ">",
            "CONNECTOR conn-in <", "TYPE=INCOMING", "PROTOCOL=HTTP", "ROUTEDLR=conn-dlr", "ALLOWROUTE", ">",
            sink("http-dlr"), sink("user-dlr"), sink("conn-dlr"), sink("msg-dlr"), sink("down"),
            "CONNECTORGROUP dlr-group <", "TYPE=FAILOVER", "CONNECTOR=down", "CONNECTOR=http-dlr", ">"),
            FILES::get);

    private static String sink(String name) {
        return "CONNECTOR " + name + " <\nTYPE=OUTGOING\nPROTOCOL=SINK\n>";
    }

    @ParameterizedTest(name = "from {0} as {1}, ROUTEDLR={2}, running {3} -> {4}")
    @CsvSource({
        "smpp-in, acme, '', smpp-in http-dlr, smpp-in:acme",
        "smpp-in, acme, '', http-dlr, none",
        "http-in, acme, '', smpp-in http-dlr, http-dlr",
        "http-in, acme, '', smpp-in, none",
        "bare-in, '', '', http-dlr, none",
        "group-in, '', '', http-dlr, http-dlr",
        "http-in, routed, '', http-dlr user-dlr, user-dlr",
        "conn-in, '', '', conn-dlr msg-dlr, conn-dlr",
        "conn-in, '', msg-dlr, conn-dlr msg-dlr, msg-dlr",
        "unknown-in, '', '', http-dlr, none",
    })
    void theWayBack(String connector, String user, String routeDlr, String running, String way) {
        Options original = new Options().set("CONNECTOR", connector).set("USERNAME", user.isEmpty() ? null : user)
                .set("ROUTEDLR", routeDlr.isEmpty() ? null : routeDlr);
        Set<String> up = Set.of(running.split(" "));

        Optional<ReturnPath.Way> found = new ReturnPath().of(CONFIG, original, up::contains);

        assertEquals(way, found.map(w -> w.connector() + w.user().map(u -> ":" + u).orElse("")).orElse("none"));
    }
}
