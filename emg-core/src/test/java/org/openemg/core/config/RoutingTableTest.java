package org.openemg.core.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RoutingTableTest {

    private static final RoutingTable TABLE = RoutingTable.parse("routing", String.join("\n",
            "# incoming  targets            filters",                  // 1
            "smpp-out    smpp-in:acme       DESTADDR=4612345",         // 2
            "http-in     vip                USERNAME=alice",           // 3
            "*           intl               DESTADDR=+44",             // 4
            "*           regex-out          DESTADDR=/46(70|73)\\d{7}/", // 5
            "http-in     se-out,backup      destaddr=46 username=bob", // 6
            "*           default-out"));                               // 7

    @ParameterizedTest(name = "{0} {1} {2} -> line {3}")
    @CsvSource({
        "smpp-out, 4612345678, , 2",
        "smpp-out, +4612345, , 2",
        "http-in, 4612345, , 7",
        "http-in, 123, alice, 3",
        "smpp-in, 123, alice, 7",
        "http-in, 447700900123, , 4",
        "http-in, +447700900123, , 4",
        "http-in, 467012345678, , 7",
        "http-in, 46701234567, , 5",
        "http-in, +46731234567, , 5",
        "http-in, 46741234567, bob, 6",
        "http-in, 46741234567, carol, 7",
        "smpp-in, 46741234567, bob, 7",
        "http-in, , bob, 7",
    })
    void firstMatchWins(String incoming, String dest, String user, int line) {
        assertEquals(line, TABLE.match(incoming, dest, user).orElseThrow().line());
    }

    @Test
    void keepsTargetsFallbacksAndUsers() {
        RoutingRule rule = TABLE.rules().get(4);
        assertEquals("[se-out, backup]", rule.targets().toString());
        assertEquals(Optional.of("46"), rule.destAddr());
        assertEquals(Optional.of("bob"), rule.username());
        assertEquals(Optional.of("acme"), TABLE.rules().get(0).targets().get(0).user());
    }

    @Test
    void emptyTableMatchesNothing() {
        assertTrue(RoutingTable.empty().match("x", "1", null).isEmpty());
        assertTrue(RoutingTable.parse("r", "# only comments\n\n").match("x", "1", null).isEmpty());
    }
}
