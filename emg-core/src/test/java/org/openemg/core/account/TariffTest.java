package org.openemg.core.account;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TariffTest {

    @ParameterizedTest
    @CsvSource({"0, 0.0000", "1, 1.0000", "3, 3.0000", "1000000, 1000000.0000"})
    void eachPartCostsOneCredit(int parts, String price) {
        assertEquals(price, Tariff.price(parts).toPlainString());
    }

    @Test
    void aNegativeCountIsAnError() {
        assertThrows(IllegalArgumentException.class, () -> Tariff.price(-1));
    }
}
