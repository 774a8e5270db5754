package org.openemg.core.accept;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.openemg.core.accept.SampleGateway.options;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.openemg.core.message.GatewayException;
import org.openemg.core.message.Status;

/** The ranges of spec section 1: DLR 0, 1 or 3; PROTOCOLID an octet; PRIORITY 0 to 3. */
class OptionRangesTest {

    @ParameterizedTest(name = "{0}={1}")
    @CsvSource({
        "DLR, 0", "DLR, 1", "DLR, 3", "DLR, ''",
        "PROTOCOLID, 0", "PROTOCOLID, 255", "PROTOCOLID, ' 64 '",
        "PRIORITY, 0", "PRIORITY, 3",
    })
    void inRange(String option, String value) {
        assertDoesNotThrow(() -> OptionRanges.check(options(option, value)));
    }

    @ParameterizedTest(name = "{0}={1}")
    @CsvSource({
        "DLR, 2", "DLR, 4", "DLR, -1", "DLR, yes",
        "PROTOCOLID, 256", "PROTOCOLID, -1", "PROTOCOLID, 0x40",
        "PRIORITY, 4", "PRIORITY, -1", "PRIORITY, high",
    })
    void outOfRangeNamesTheOption(String option, String value) {
        GatewayException e = assertThrows(GatewayException.class, () -> OptionRanges.check(options(option, value)));
        assertEquals(Status.INVALID_ARGUMENT, e.status());
        assertEquals("Invalid argument: " + option, e.statusText());
    }

    @Test
    void absentOptionsAreTheirDefaults() {
        assertDoesNotThrow(() -> OptionRanges.check(options("DESTADDR", "4670")));
    }

    @Test
    void theFirstBadOptionIsNamedInSpecOrder() {
        GatewayException e = assertThrows(GatewayException.class,
                () -> OptionRanges.check(options("PRIORITY", "9", "PROTOCOLID", "999", "DLR", "2")));
        assertEquals("Invalid argument: DLR", e.statusText());
        e = assertThrows(GatewayException.class, () -> OptionRanges.check(options("PRIORITY", "9", "PROTOCOLID", "999")));
        assertEquals("Invalid argument: PROTOCOLID", e.statusText());
    }
}
