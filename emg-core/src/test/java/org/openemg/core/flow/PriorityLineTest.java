package org.openemg.core.flow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PriorityLineTest {

    @Test
    void higherPriorityFirstThenArrivalOrder() {
        PriorityLine<String> line = new PriorityLine<>();
        line.add(0, "a0");
        line.add(2, "b2");
        line.add(0, "c0");
        line.add(3, "d3");
        line.add(2, "e2");
        line.add(1, "f1");
        assertEquals(6, line.size());
        List<String> out = new ArrayList<>();
        for (String s = line.poll(); s != null; s = line.poll()) {
            out.add(s);
        }
        assertEquals(List.of("d3", "b2", "e2", "f1", "a0", "c0"), out);
        assertTrue(line.isEmpty());
        assertNull(line.poll());
    }

    @Test
    void aPriorityOutOfRangeCountsAsTheNearestEnd() {
        PriorityLine<String> line = new PriorityLine<>();
        line.add(-1, "low");
        line.add(0, "normal");
        line.add(9, "high");
        line.add(3, "highest");
        assertEquals("high", line.poll());
        assertEquals("highest", line.poll());
        assertEquals("low", line.poll());
        assertEquals("normal", line.poll());
    }
}
