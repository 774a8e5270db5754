package org.openemg.core.pap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/** PAP-WAP.md 1.4: the code values, and a code this PPG does not know read as the x000 of its class. */
class PapCodeTest {

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({
            "1000, OK", "1001, ACCEPTED",
            "2000, BAD_REQUEST", "2001, FORBIDDEN", "2002, ADDRESS_ERROR", "2003, ADDRESS_NOT_FOUND",
            "2004, PUSH_ID_NOT_FOUND", "2005, CAPABILITIES_MISMATCH", "2006, REQUIRED_CAPABILITIES_NOT_SUPPORTED",
            "2007, DUPLICATE_PUSH_ID", "2008, CANCELLATION_NOT_POSSIBLE",
            "3000, INTERNAL_SERVER_ERROR", "3001, NOT_IMPLEMENTED", "3002, VERSION_NOT_SUPPORTED", "3003, NOT_POSSIBLE",
            "3004, CAPABILITY_MATCHING_NOT_SUPPORTED", "3005, MULTIPLE_ADDRESSES_NOT_SUPPORTED",
            "3006, TRANSFORMATION_FAILURE", "3007, DELIVERY_METHOD_NOT_POSSIBLE", "3008, CAPABILITIES_NOT_AVAILABLE",
            "3009, REQUIRED_NETWORK_NOT_AVAILABLE", "3010, REQUIRED_BEARER_NOT_AVAILABLE", "3011, REPLACEMENT_NOT_SUPPORTED",
            "4000, SERVICE_FAILURE", "4001, SERVICE_UNAVAILABLE", "5000, CLIENT_ABORTED",
            "1500, OK", "2999, BAD_REQUEST", "3500, INTERNAL_SERVER_ERROR", "4002, SERVICE_FAILURE", "5026, CLIENT_ABORTED",
    })
    void codes(int value, PapCode code) {
        assertEquals(code, PapCode.of(value));
    }

    @ParameterizedTest
    @EnumSource(PapCode.class)
    void everyCodeReadsBackAsItself(PapCode code) {
        assertEquals(code, PapCode.of(code.value()));
        assertEquals(code.value() < 2000, code.isSuccess());
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 999, 6000, -1000})
    void refusesValuesOutsideTheClasses(int value) {
        assertThrows(IllegalArgumentException.class, () -> PapCode.of(value));
    }
}
