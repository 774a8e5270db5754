package org.openemg.core.routing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import org.junit.jupiter.api.Test;

class RoutePartnersTest {

    @Test
    void partnersAreOneColumnInRouteOrder() {
        assertEquals(",b,c,", RoutePartners.encode(List.of("b", "c")));
        assertEquals(List.of("b", "c"), RoutePartners.decode(",b,c,"));
    }

    @Test
    void noPartnersIsNull() {
        assertNull(RoutePartners.encode(List.of()));
        assertEquals(List.of(), RoutePartners.decode(null));
    }

    @Test
    void aPatternMatchesWholeNamesAndEscapesLikeWildcards() {
        assertEquals("%,smpp-b,%", RoutePartners.containing("smpp-b"));
        assertEquals("%,out\\_1\\%\\\\,%", RoutePartners.containing("out_1%\\"));
    }
}
