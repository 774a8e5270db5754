package org.openemg.core.accept;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.openemg.core.accept.SampleGateway.options;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.openemg.core.message.GatewayException;
import org.openemg.core.message.Options;
import org.openemg.core.message.Status;

/** Spec section 1: DESTADDR 1-20 digits with an optional '+'; SOURCEADDR that or 11 alphanumerics; TON 0-7, NPI 0-15. */
class RecipientAddressesTest {

    private static Options message(String dest, String destTon, String destNpi, String source, String sourceTon,
            String sourceNpi) {
        return options("DESTADDR", dest, "DESTADDRTON", destTon, "DESTADDRNPI", destNpi,
                "SOURCEADDR", source, "SOURCEADDRTON", sourceTon, "SOURCEADDRNPI", sourceNpi);
    }

    @ParameterizedTest(name = "{0} {1}/{2} from {3} {4}/{5}")
    @CsvSource({
        "4670, , , , , ",
        "+46701234567, , , , , ",
        "12345678901234567890, 7, 15, , , ",
        "4670, 0, 0, +4670, 1, 1",
        "4670, , , Acme Corp, , ",
        "4670, , , ABCDEFGHIJK, 5, 0",
    })
    void accepted(String dest, String destTon, String destNpi, String source, String sourceTon, String sourceNpi) {
        assertDoesNotThrow(() -> RecipientAddresses.check(message(dest, destTon, destNpi, source, sourceTon, sourceNpi)));
    }

    @ParameterizedTest(name = "{0} {1}/{2} from {3} {4}/{5} -> {6}")
    @CsvSource({
        ", , , , , , DESTADDR",
        "x1, , , , , , DESTADDR",
        "'', , , , , , DESTADDR",
        "123456789012345678901, , , , , , DESTADDR",
        "46 70, , , , , , DESTADDR",
        "4670, 8, , , , , DESTADDRTON",
        "4670, x, , , , , DESTADDRTON",
        "4670, , 16, , , , DESTADDRNPI",
        "4670, , , ABCDEFGHIJKL, , , SOURCEADDR",
        "4670, , , '', , , SOURCEADDR",
        "4670, , , [brackets], , , SOURCEADDR",
        "4670, , , Acme, 8, , SOURCEADDRTON",
        "4670, , , 4670, , -1, SOURCEADDRNPI",
    })
    void refusedNamingTheOption(String dest, String destTon, String destNpi, String source, String sourceTon,
            String sourceNpi, String named) {
        GatewayException e = assertThrows(GatewayException.class,
                () -> RecipientAddresses.check(message(dest, destTon, destNpi, source, sourceTon, sourceNpi)));
        assertEquals(Status.INVALID_ARGUMENT, e.status());
        assertEquals("Invalid argument: " + named, e.statusText());
    }
}
