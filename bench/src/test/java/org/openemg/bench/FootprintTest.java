package org.openemg.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class FootprintTest {

    private static final String G1 = """
            12345:
             garbage-first heap   total 524288K, used 187392K [0x0000000080000000, 0x0000000100000000)
              region size 1024K, 3 young (3072K), 0 survivors (0K)
             Metaspace       used 201456K, committed 203264K, reserved 1245184K
              class space    used 25123K, committed 26112K, reserved 1048576K
            """;

    @Test
    void heapMetaspaceAndRssAreReadFromJcmdAndProc() {
        Footprint f = Footprint.of(G1, "Name:\tjava\nVmPeak:\t 4000000 kB\nVmRSS:\t  1234567 kB\nRssAnon:\t 1000 kB\n", 42);
        assertEquals(new Footprint(187392, 524288, 201456, 1234567, 42), f);
    }

    @Test
    void whatCannotBeReadIsMinusOne() {
        Footprint f = Footprint.of("12345:\nio.ConnectException: Connection refused\n", "Name:\tjava\n", -1);
        assertEquals(new Footprint(-1, -1, -1, -1, -1), f);
    }
}
