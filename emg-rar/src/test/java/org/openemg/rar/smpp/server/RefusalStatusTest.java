package org.openemg.rar.smpp.server;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.openemg.core.message.GatewayException;
import org.openemg.core.message.RecipientResult;
import org.openemg.core.message.Status;

class RefusalStatusTest {

    @ParameterizedTest(name = "{0} {1} -> {2}")
    @CsvSource({
        "OK, , 0x00",
        "INVALID_ARGUMENT, DESTADDR, 0x0B",
        "INVALID_ARGUMENT, DESTADDRTON, 0x50",
        "INVALID_ARGUMENT, DESTADDRNPI, 0x51",
        "INVALID_ARGUMENT, SOURCEADDR, 0x0A",
        "INVALID_ARGUMENT, SOURCEADDRTON, 0x48",
        "INVALID_ARGUMENT, SOURCEADDRNPI, 0x49",
        "INVALID_ARGUMENT, MESSAGE, 0x01",
        "INVALID_ARGUMENT, UDH, 0x43",
        "INVALID_ARGUMENT, VP, 0x62",
        "INVALID_ARGUMENT, DELTIME, 0x61",
        "INVALID_ARGUMENT, PRIORITY, 0x06",
        "INVALID_ARGUMENT, DLR, 0x07",
        "INVALID_ARGUMENT, CHARCODE, 0x45",
        "INVALID_ARGUMENT, , 0x45",
        "NO_ROUTE, , 0x0B",
        "BLACKLISTED, , 0x0B",
        "QUEUE_FULL, , 0x14",
        "INVALID_LOGIN, , 0x0F",
        "ACCESS_DENIED, , 0x45",
        "INSUFFICIENT_CREDIT, , 0x45",
        "UNSPECIFIED, , 0x08",
    })
    void eachRefusalHasItsSmppStatus(Status status, String option, String smppStatus) {
        RecipientResult refused = RecipientResult.refused(new GatewayException(status, option));
        assertEquals(Integer.decode(smppStatus), RefusalStatus.of(refused));
    }
}
