package org.openemg.web.http;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.openemg.core.message.Status;

class JsonFormatTest {

    private final ResponseFormat format = ResponseFormat.ofSuffix(".json");

    @Test
    void mediaType() {
        assertEquals("application/json;charset=UTF-8", format.mediaType());
    }

    @Test
    void specExampleWithBalance() {
        assertEquals("{\"results\":[{\"status\":\"0\",\"msgid\":\"25629515\",\"statustext\":\"OK\"}],\"balance\":\"956489.1699\"}",
                format.outcome(Outcomes.ONE_ACCEPTED));
    }

    @Test
    void refusedWithoutMsgidPartsWhenSplitNoBalance() {
        assertEquals("{\"results\":["
                        + "{\"status\":\"0\",\"msgid\":\"10000000000001\",\"statustext\":\"OK\"},"
                        + "{\"status\":\"5\",\"statustext\":\"Invalid argument: DESTADDR\"},"
                        + "{\"status\":\"0\",\"msgid\":\"10000000000002\",\"statustext\":\"OK\",\"parts\":\"2\"}]}",
                format.outcome(Outcomes.MIXED));
    }

    @Test
    void requestLevelFailure() {
        assertEquals("{\"results\":[{\"status\":\"3\",\"statustext\":\"Invalid login\"}]}",
                format.failure(Status.INVALID_LOGIN, "Invalid login"));
    }

    @Test
    void escapesStrings() {
        assertEquals("{\"results\":[{\"status\":\"14\",\"statustext\":\"Blacklisted: <\\\"a&b'>\\\\\\n\\u0001\"}]}",
                format.outcome(Outcomes.NEEDS_ESCAPING));
    }

    @Test
    void messageStatus() {
        assertEquals("{\"id\":\"10000000000042\",\"state\":\"SUBMITTED\",\"connector\":\"http-in\","
                        + "\"outconnector\":\"smpp-out\",\"smscid\":\"0a1b2c\",\"attempts\":\"1\","
                        + "\"created\":\"2025-01-31T12:00:00Z\",\"updated\":\"2025-01-31T12:00:01Z\"}",
                format.message(Outcomes.SUBMITTED, Optional.empty(), Optional.empty()));
        assertEquals("{\"id\":\"7\",\"state\":\"QUEUED\",\"connector\":\"http-in\",\"attempts\":\"0\","
                        + "\"created\":\"2025-01-31T12:00:00Z\"}",
                format.message(Outcomes.QUEUED, Optional.empty(), Optional.empty()));
    }

    @Test
    void messageStatusWithItsLastReport() {
        assertEquals("{\"id\":\"7\",\"state\":\"QUEUED\",\"connector\":\"http-in\",\"attempts\":\"0\","
                        + "\"created\":\"2025-01-31T12:00:00Z\",\"messagestate\":\"UNDELIVERABLE\","
                        + "\"dlrtime\":\"2025-01-31T12:00:09Z\",\"smscerror\":\"069\",\"dlrid\":\"10000000000050\","
                        + "\"dlrstate\":\"DELIVERED\"}",
                format.message(Outcomes.QUEUED, Optional.of(Outcomes.UNDELIVERABLE), Optional.empty()));
    }

    @Test
    void messageStatusWithTheBalanceOfTheSendersAccount() {
        assertEquals("{\"id\":\"7\",\"state\":\"QUEUED\",\"connector\":\"http-in\",\"attempts\":\"0\","
                        + "\"created\":\"2025-01-31T12:00:00Z\",\"balance\":\"956489.1699\"}",
                format.message(Outcomes.QUEUED, Optional.empty(), Optional.of(new BigDecimal("956489.1699"))));
    }
}
