package org.openemg.core.receipt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SmscIdTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "ABC, abc",
        "'  0000A1B2 ', a1b2",
        "000, 0",
        "0, 0",
        "12345, 12345",
        "007, 7",
        "550E8400-E29B-41D4-A716-446655440000, 550e8400-e29b-41d4-a716-446655440000",
        "0Xyz-01, 0xyz-01",
        "'', ''",
    })
    void normalisedForStorage(String id, String key) {
        assertEquals(key, SmscId.normalise(id));
    }

    @ParameterizedTest(name = "submit_sm_resp {0} matches receipt {1}")
    @CsvSource({
        "0000A1B2, 41394",
        "41394, 0000A1B2",
        "12345, 3039",
        "3039, 12345",
        "12345, 12345",
        "ABC, abc",
        "abc, 0ABC",
        "00000000000000000001, 1",
        "FFFFFFFFFFFFFFFF, 18446744073709551615",
        "18446744073709551615, ffffffffffffffff",
        "550E8400-E29B-41D4-A716-446655440000, 550e8400-e29b-41d4-a716-446655440000",
        "00FF, 255",
    })
    void receiptMatchesSubmitResponse(String fromSubmitResp, String fromReceipt) {
        assertTrue(SmscId.candidates(fromReceipt).contains(SmscId.normalise(fromSubmitResp)),
                () -> SmscId.candidates(fromReceipt) + " lacks " + SmscId.normalise(fromSubmitResp));
    }

    @ParameterizedTest(name = "submit_sm_resp {0} does not match receipt {1}")
    @CsvSource({
        "12345, 12346",
        "abc, abd",
        "550e8400-e29b-41d4-a716-446655440000, 550e8400e29b41d4a716446655440000",
        "1, 10",
    })
    void differentIdsDoNotMatch(String fromSubmitResp, String fromReceipt) {
        assertFalse(SmscId.candidates(fromReceipt).contains(SmscId.normalise(fromSubmitResp)));
    }

    @Test
    void exactReadingComesFirstThenOtherRadixes() {
        assertEquals(List.of("12345", "3039", "74565"), SmscId.candidates("012345"));
        assertEquals(List.of("a1b2", "41394"), SmscId.candidates("0000A1B2"));
    }

    @Test
    void onlyReadingsUpToSixtyFourBitsAreConverted() {
        assertEquals(List.of("18446744073709551616"), SmscId.candidates("18446744073709551616"));
        assertEquals(List.of("10000000000000000", "2386f26fc10000"), SmscId.candidates("10000000000000000"));
        assertEquals(List.of("1ffffffffffffffff"), SmscId.candidates("1FFFFFFFFFFFFFFFF"));
    }

    @Test
    void zeroHasOneKeyAndBlankNone() {
        assertEquals(List.of("0"), SmscId.candidates("0000"));
        assertEquals(List.of(), SmscId.candidates("   "));
    }
}
