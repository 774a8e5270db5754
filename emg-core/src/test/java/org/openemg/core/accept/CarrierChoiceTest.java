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

    @ParameterizedTest(name = "{0} with {1} running -> {2}")
    @CsvSource({
        "a, a, a",
        "a b c, a b c, a",
        "a b c, b c, b",
        "a b c, c, c",
        "a b c, c b, b",
    })
    void theFirstCandidateThatCarriesNow(String candidates, String running, String chosen) {
        Set<String> up = Set.of(running.split(" "));
        assertEquals(chosen, CarrierChoice.first(route(candidates), HTTP_IN, up::contains));
    }

    @ParameterizedTest(name = "{0} with {1} running")
    @CsvSource({
        "a, b",
        "a b c, d",
        "a b, ''",
    })
    void noCandidateThatCarriesNowIsNoRoute(String candidates, String running) {
        Set<String> up = Set.of(running.split(" "));
        GatewayException e = assertThrows(GatewayException.class, () -> CarrierChoice.first(route(candidates), HTTP_IN, up::contains));
        assertEquals(Status.NO_ROUTE, e.status());
        assertEquals(13, e.status().code());
    }

    @ParameterizedTest(name = "arrived on {0}, route {1} -> {2}")
    @CsvSource({
        "a, a b, b",
        "a, b a, b",
        "smpp-in, smpp-in b, smpp-in",
    })
    void aMessageFromAnSmscNeverGoesBackOutOnTheConnectorItCameIn(String arrivedOn, String candidates, String chosen) {
        ConnectorConfig connector = CONFIG.connector(arrivedOn).orElseThrow();
        Set<String> up = Set.of("a", "b", "smpp-in");
        assertEquals(chosen, CarrierChoice.first(route(candidates), connector, up::contains));
    }

    @ParameterizedTest(name = "arrived on a, route {0}")
    @CsvSource({"a", "a a"})
    void anMoWhoseOnlyRouteIsBackWhereItCameFromHasNoRoute(String candidates) {
        ConnectorConfig a = CONFIG.connector("a").orElseThrow();
        GatewayException e = assertThrows(GatewayException.class, () -> CarrierChoice.first(route(candidates), a, x -> true));
        assertEquals(Status.NO_ROUTE, e.status());
    }
}
