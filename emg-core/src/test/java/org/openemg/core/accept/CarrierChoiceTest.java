package org.openemg.core.accept;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.openemg.core.config.ConnectorConfig;
import org.openemg.core.config.ServerConfig;
import org.openemg.core.config.ServerConfigReader;
import org.openemg.core.message.GatewayException;
import org.openemg.core.message.Status;
import org.openemg.core.routing.ResolvedRoute;

class CarrierChoiceTest {

    private static final ServerConfig CONFIG = ServerConfigReader.parse("server.cfg", String.join("\n",
            "CONNECTOR http-in <", "TYPE=INCOMING", "PROTOCOL=HTTP", ">",
            "CONNECTOR smpp-in <", "TYPE=INCOMING", "PROTOCOL=SMPP", ">",
            "CONNECTOR a <", "TYPE=OUTGOING", "PROTOCOL=SMPP", "ADDRESS=127.0.0.1:1", ">"), name -> "");
    private static final ConnectorConfig HTTP_IN = CONFIG.connector("http-in").orElseThrow();

    private static ResolvedRoute route(String candidates) {
        List<String> names = List.of(candidates.split(" "));
        return new ResolvedRoute(names.get(0), names, Optional.empty());
    }

    private static Set<String> names(String spaced) {
        return spaced.isBlank() ? Set.of() : Set.of(spaced.split(" "));
    }

    /** Connectors in {@code running} carry messages; those in {@code sending} also send now. */
    private static Carriers carriers(String running, String sending) {
        Set<String> up = names(running);
        Set<String> bound = names(sending);
        return new Carriers() {
            @Override
            public boolean carries(String connector) {
                return up.contains(connector);
            }

            @Override
            public boolean sendsNow(String connector) {
                return bound.contains(connector);
            }

            @Override
            public boolean take(String connector, int parts) {
                return true;
            }
        };
    }

    @ParameterizedTest(name = "{0} with {1} running, {2} sending -> {3}")
    @CsvSource({
        "a, a, a, a",
        "a b c, a b c, a b c, a b c",
        "a b c, b c, b c, b c",
        "a b c, c, c, c",
        "a b c, c b, c b, b c",
        // those that cannot send now (no bind, held) come last, in route order
        "a b c, a b c, b, b a c",
        "a b c, a b c, c, c a b",
        "a b c, a b c, '', a b c",
    })
    void candidatesThatCarryThoseSendingNowFirst(String candidates, String running, String sending, String ordered) {
        assertEquals(List.of(ordered.split(" ")),
                CarrierChoice.ordered(route(candidates), HTTP_IN, carriers(running, sending)));
    }

    @ParameterizedTest(name = "{0} with {1} running")
    @CsvSource({
        "a, b",
        "a b c, d",
        "a b, ''",
    })
    void noCandidateThatCarriesIsNoRoute(String candidates, String running) {
        GatewayException e = assertThrows(GatewayException.class,
                () -> CarrierChoice.ordered(route(candidates), HTTP_IN, carriers(running, running)));
        assertEquals(Status.NO_ROUTE, e.status());
        assertEquals(13, e.status().code());
    }

    @ParameterizedTest(name = "arrived on {0}, route {1} -> {2}")
    @CsvSource({
        "a, a b, b",
        "a, b a, b",
        "smpp-in, smpp-in b, smpp-in b",
    })
    void aMessageFromAnSmscNeverGoesBackOutOnTheConnectorItCameIn(String arrivedOn, String candidates, String ordered) {
        ConnectorConfig connector = CONFIG.connector(arrivedOn).orElseThrow();
        assertEquals(List.of(ordered.split(" ")),
                CarrierChoice.ordered(route(candidates), connector, carriers("a b smpp-in", "a b smpp-in")));
    }

    @ParameterizedTest(name = "arrived on a, route {0}")
    @CsvSource({"a", "a a"})
    void anMoWhoseOnlyRouteIsBackWhereItCameFromHasNoRoute(String candidates) {
        ConnectorConfig a = CONFIG.connector("a").orElseThrow();
        GatewayException e = assertThrows(GatewayException.class,
                () -> CarrierChoice.ordered(route(candidates), a, carriers("a", "a")));
        assertEquals(Status.NO_ROUTE, e.status());
    }
}
