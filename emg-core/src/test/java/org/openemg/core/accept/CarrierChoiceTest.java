package org.openemg.core.accept;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.openemg.core.message.GatewayException;
import org.openemg.core.message.Status;
import org.openemg.core.routing.ResolvedRoute;

class CarrierChoiceTest {

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
        assertEquals(chosen, CarrierChoice.first(route(candidates), up::contains));
    }

    @ParameterizedTest(name = "{0} with {1} running")
    @CsvSource({
        "a, b",
        "a b c, d",
        "a b, ''",
    })
    void noCandidateThatCarriesNowIsNoRoute(String candidates, String running) {
        Set<String> up = Set.of(running.split(" "));
        GatewayException e = assertThrows(GatewayException.class, () -> CarrierChoice.first(route(candidates), up::contains));
        assertEquals(Status.NO_ROUTE, e.status());
        assertEquals(13, e.status().code());
    }
}
