package org.openemg.core.address;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.openemg.core.message.GatewayException;
import org.openemg.core.message.Status;

class SmsAddressTest {

    @ParameterizedTest
    @CsvSource({
        "+46701234567, , , 46701234567, 1, 1",
        "46701234567, , , 46701234567, 0, 1",
        "0701234567, 2, 1, 0701234567, 2, 1",
        "+46701234567, 0, 9, 46701234567, 0, 9",
        "1, , , 1, 0, 1",
        "12345678901234567890, , , 12345678901234567890, 0, 1",
        "+12345678901234567890, 7, 15, 12345678901234567890, 7, 15",
    })
    void validDestinations(String value, Integer ton, Integer npi, String digits, int wantTon, int wantNpi) {
        assertEquals(new SmsAddress(digits, wantTon, wantNpi), SmsAddress.destination(value, ton, npi));
    }

    @ParameterizedTest
    @CsvSource({
        "'', , , DESTADDR",
        "+, , , DESTADDR",
        "123456789012345678901, , , DESTADDR",
        "4670-123, , , DESTADDR",
        "' 4670', , , DESTADDR",
        "++4670, , , DESTADDR",
        "Acme, , , DESTADDR",
        "٤٦٧٠, , , DESTADDR",
        "4670, 8, , DESTADDRTON",
        "4670, -1, , DESTADDRTON",
        "4670, , 16, DESTADDRNPI",
    })
    void invalidDestinations(String value, Integer ton, Integer npi, String which) {
        GatewayException e = assertThrows(GatewayException.class, () -> SmsAddress.destination(value, ton, npi));
        assertEquals(Status.INVALID_ARGUMENT, e.status());
        assertEquals(which, e.detail());
    }

    @Test
    void nullDestinationIsInvalid() {
        assertEquals("DESTADDR",
                assertThrows(GatewayException.class, () -> SmsAddress.destination(null, null, null)).detail());
        assertEquals("SOURCEADDR",
                assertThrows(GatewayException.class, () -> SmsAddress.source(null, null, null)).detail());
    }

    @ParameterizedTest
    @CsvSource({
        "+46701234567, , , 46701234567, 1, 1",
        "72000, , , 72000, 0, 1",
        "12345678901234567890, , , 12345678901234567890, 0, 1",
        "Acme, , , Acme, 5, 0",
        "Acme Bank, , , Acme Bank, 5, 0",
        "INFO-24, , , INFO-24, 5, 0",
        "ABCDEFGHIJK, , , ABCDEFGHIJK, 5, 0",
        "12345678901a, , , , , ",
        "Acme, 0, 1, Acme, 0, 1",
        "4670, 5, 0, 4670, 5, 0",
    })
    void sources(String value, Integer ton, Integer npi, String text, Integer wantTon, Integer wantNpi) {
        if (text == null) {
            assertEquals("SOURCEADDR",
                    assertThrows(GatewayException.class, () -> SmsAddress.source(value, ton, npi)).detail());
        } else {
            assertEquals(new SmsAddress(text, wantTon, wantNpi), SmsAddress.source(value, ton, npi));
        }
    }

    @ParameterizedTest
    @CsvSource({
        "'', , , SOURCEADDR",
        "ABCDEFGHIJKL, , , SOURCEADDR",
        "123456789012345678901, , , SOURCEADDR",
        "Acme[1], , , SOURCEADDR",
        "Acme€, , , SOURCEADDR",
        "Åcme, , , SOURCEADDR",
        "Acme, 8, , SOURCEADDRTON",
        "Acme, , 16, SOURCEADDRNPI",
        "+4670, -1, , SOURCEADDRTON",
        "+4670, , -2, SOURCEADDRNPI",
    })
    void invalidSources(String value, Integer ton, Integer npi, String which) {
        GatewayException e = assertThrows(GatewayException.class, () -> SmsAddress.source(value, ton, npi));
        assertEquals(Status.INVALID_ARGUMENT, e.status());
        assertEquals(which, e.detail());
    }

    @ParameterizedTest
    @CsvSource({
        "+46701234567, +46701234567",
        "0701234567, 0701234567",
    })
    void displaysWithPlusWhenInternational(String value, String shown) {
        assertEquals(shown, SmsAddress.destination(value, null, null).display());
    }
}
