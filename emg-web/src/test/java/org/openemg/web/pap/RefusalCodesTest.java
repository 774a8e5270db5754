package org.openemg.web.pap;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.openemg.core.message.Status;
import org.openemg.core.pap.PapCode;

class RefusalCodesTest {

    @ParameterizedTest
    @CsvSource(nullValues = "null", value = {
            "NO_ROUTE, No route, ADDRESS_ERROR",
            "BLACKLISTED, Blacklisted, ADDRESS_ERROR",
            "INVALID_ARGUMENT, Invalid argument: DESTADDR, ADDRESS_ERROR",
            "INVALID_ARGUMENT, Invalid argument: VP, BAD_REQUEST",
            "INVALID_ARGUMENT, null, BAD_REQUEST",
            "INVALID_LOGIN, Invalid login, FORBIDDEN",
            "ACCESS_DENIED, Access denied, FORBIDDEN",
            "INSUFFICIENT_CREDIT, Insufficient credit, FORBIDDEN",
            "QUEUE_FULL, Queue full, SERVICE_UNAVAILABLE",
            "UNSPECIFIED, Unspecified error, INTERNAL_SERVER_ERROR"})
    void eachRefusalHasItsPapCode(Status status, String text, PapCode code) {
        assertEquals(code, RefusalCodes.of(status, text));
    }
}
