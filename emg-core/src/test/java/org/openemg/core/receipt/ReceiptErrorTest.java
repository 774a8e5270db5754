package org.openemg.core.receipt;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class ReceiptErrorTest {

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"000", "0", " 000 ", "   "})
    void zerosOrNothingAreNoError(String err) {
        assertEquals(Optional.empty(), ReceiptError.of(err));
    }

    @ParameterizedTest
    @CsvSource({"001, 001", "' 069 ', 069", "0x0B, 0x0B", "12345678901234567890, 1234567890123456"})
    void anyOtherCodeIsKeptAsSent(String err, String kept) {
        assertEquals(Optional.of(kept), ReceiptError.of(err));
    }
}
