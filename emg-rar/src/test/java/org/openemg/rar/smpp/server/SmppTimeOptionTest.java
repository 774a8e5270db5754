package org.openemg.rar.smpp.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class SmppTimeOptionTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "260301120000000+, 20260301120000",
        "260301120000004+, 20260301110000",
        "260301120000008-, 20260301140000",
        "261231233000000-, 20261231233000",
        "000000010000000R, 3600",
        "000001000001000R, 86401",
        "010000000000000R, 31536000",
    })
    void readsAbsoluteTimesAsUtcAndRelativeTimesAsSeconds(String smpp, String option) {
        assertEquals(option, SmppTimeOption.read(smpp));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "2603011200", "260301120000000X", "261301120000000+", "260301120000049+", "26030112000A000+"})
    void refusesWhatIsNoSmppTime(String smpp) {
        if (smpp.isEmpty()) {
            assertNull(SmppTimeOption.read(smpp));
        } else {
            assertThrows(IllegalArgumentException.class, () -> SmppTimeOption.read(smpp));
        }
    }
}
