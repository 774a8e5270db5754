package org.openemg.core.message;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DeliveryTimeTest {

    @Test
    void absentMeansNow() {
        assertEquals(1000L, DeliveryTime.dueAt(null, 1000L));
        assertEquals(1000L, DeliveryTime.dueAt("", 1000L));
    }

    @Test
    void relativeSeconds() {
        assertEquals(1000L + 3_600_000L, DeliveryTime.dueAt("3600", 1000L));
    }

    @Test
    void absoluteUtc() {
        assertEquals(1_767_225_600_000L, DeliveryTime.dueAt("20260101000000", 0L));
    }

    @Test
    void absoluteFormRoundTrips() {
        assertEquals("20260101000000", DeliveryTime.absolute(1_767_225_600_000L));
        assertEquals(1_767_225_600_000L, DeliveryTime.toEpochMilli(DeliveryTime.absolute(1_767_225_600_000L), 0L, "VP"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"-5", "1h", "20261301000000", "123456789012", " "})
    void badValuesAreInvalidArguments(String value) {
        GatewayException e = assertThrows(GatewayException.class, () -> DeliveryTime.dueAt(value, 0L));
        assertEquals(Status.INVALID_ARGUMENT, e.status());
        assertEquals("Invalid argument: DELTIME", e.statusText());
    }
}
