package org.openemg.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import org.junit.jupiter.api.Test;

class FootprintTest {

    private static final String G1 = """
            12345:
             garbage-first heap   total 524288K, used 187392K [0x0000000080000000, 0x0000000100000000)
              region size 1024K, 3 young (3072K), 0 survivors (0K)
             Metaspace       used 201456K, committed 203264K, reserved 1245184K
              class space    used 25123K, committed 26112K, reserved 1048576K
            """;

    private static final String NMT = """
            12345:

            Native Memory Tracking:

            (Omitting categories weighting less than 1KB)

            Total: reserved=3906041KB, committed=1101523KB
            -                 Java Heap (reserved=2097152KB, committed=524288KB)
                                        (mmap: reserved=2097152KB, committed=524288KB)

            -                     Class (reserved=1051337KB, committed=28105KB)
                                        (classes #31245)
                                        (malloc=2761KB #85111)

            -                    Thread (reserved=212123KB, committed=24311KB)
                                        (thread #205)
            """;

    @Test
    void heapMetaspaceRssAndNativeMemoryAreReadFromJcmdAndProc() {
        Footprint f = Footprint.of(G1, "Name:\tjava\nVmPeak:\t 4000000 kB\nVmRSS:\t  1234567 kB\nRssAnon:\t 1000 kB\n", NMT, 42);
        assertEquals(new Footprint(187392, 524288, 201456, 1234567, 1000, -1,
                Map.of("Total", 1101523L, "Java Heap", 524288L, "Class", 28105L, "Thread", 24311L), 42), f);
    }

    @Test
    void whatCannotBeReadIsMinusOneOrEmpty() {
        Footprint f = Footprint.of("12345:\nio.ConnectException: Connection refused\n", "Name:\tjava\n",
                "12345:\nNative memory tracking is not enabled\n", -1);
        assertEquals(new Footprint(-1, -1, -1, -1, -1, -1, Map.of(), -1), f);
    }

    @Test
    void theCategoriesThatGrewMostComeFirst() {
        Footprint a = new Footprint(1, 1, 1, 1, 1, 1, Map.of("Total", 1000L, "Java Heap", 500L, "Thread", 100L, "Other", 10L), 0);
        Footprint b = new Footprint(1, 1, 1, 1, 1, 1, Map.of("Total", 1900L, "Java Heap", 500L, "Thread", 300L, "Other", 710L), 0);
        assertEquals("Other +0.7 MB, Thread +0.2 MB", Footprint.grewMost(a, b, 2));
    }
}
