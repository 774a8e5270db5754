package org.openemg.core.id;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MessageIdsTest {

    @ParameterizedTest
    @CsvSource({
        "0, 0, 0",
        "0, 1, 1",
        "0, 999999999999999, 999999999999999",
        "1, 0, 1000000000000000",
        "42, 25629515, 42000000025629515",
        "8999, 999999999999999, 8999999999999999999",
    })
    void composesAndSplits(int node, long sequence, long id) {
        assertEquals(id, MessageIds.compose(node, sequence));
        assertEquals(node, MessageIds.nodeOf(id));
        assertEquals(sequence, MessageIds.sequenceOf(id));
    }

    @ParameterizedTest
    @CsvSource({
        "-1, 0",
        "9000, 0",
        "0, -1",
        "0, 1000000000000000",
    })
    void rejectsOutOfRange(int node, long sequence) {
        assertThrows(IllegalArgumentException.class, () -> MessageIds.compose(node, sequence));
    }

    @ParameterizedTest
    @CsvSource({"-1", "9000000000000000000", "9223372036854775807"})
    void rejectsNonIds(long id) {
        assertThrows(IllegalArgumentException.class, () -> MessageIds.nodeOf(id));
        assertThrows(IllegalArgumentException.class, () -> MessageIds.sequenceOf(id));
    }
}
