package org.openemg.core.accept;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.openemg.core.accept.SampleGateway.connector;
import static org.openemg.core.accept.SampleGateway.options;
import static org.openemg.core.accept.SampleGateway.user;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.openemg.core.message.GatewayException;
import org.openemg.core.message.Options;
import org.openemg.core.message.Status;

class PreparedMessageTest {

    private static final long NOW = Instant.parse("2026-03-01T12:00:00Z").toEpochMilli();
    private static final Client ALICE = new Client(user("alice"), "192.0.2.7");

    private static PreparedMessage prepare(Options options) {
        return PreparedMessage.of(options, connector("http-in"), ALICE, NOW);
    }

    @Test
    void noTimingOptionsMeanDueNowForeverAtNormalPriority() {
        PreparedMessage prepared = prepare(options("DESTADDR", "4670", "MESSAGE", "hi"));
        assertEquals(new Schedule(NOW, null, 0), prepared.schedule());
        assertEquals("http-in", prepared.options().get("CONNECTOR"));
        assertEquals("alice", prepared.options().get("USERNAME"));
    }

    @Test
    void aRelativeVpCountsFromAcceptanceAndIsKeptAbsolute() {
        PreparedMessage prepared = prepare(options("VP", "3600"));
        assertEquals(NOW + 3_600_000L, prepared.schedule().expiresAt());
        assertEquals("20260301130000", prepared.options().get("VP"));
    }

    @Test
    void anAbsoluteVpIsKeptAsGiven() {
        PreparedMessage prepared = prepare(options("VP", "20260302000000"));
        assertEquals(Instant.parse("2026-03-02T00:00:00Z").toEpochMilli(), prepared.schedule().expiresAt());
        assertEquals("20260302000000", prepared.options().get("VP"));
    }

    @Test
    void anEmptyVpIsNoLimit() {
        assertNull(prepare(options("VP", "")).schedule().expiresAt());
    }

    @ParameterizedTest(name = "DELTIME={0}")
    @CsvSource({
        "60, 2026-03-01T12:01:00Z",
        "20260301180000, 2026-03-01T18:00:00Z",
        "'', 2026-03-01T12:00:00Z",
    })
    void deltimeIsWhenTheMessageIsDue(String deltime, String due) {
        PreparedMessage prepared = prepare(options("DELTIME", deltime));
        assertEquals(Instant.parse(due).toEpochMilli(), prepared.schedule().dueAt());
        assertEquals(deltime, prepared.options().get("DELTIME"));
    }

    @ParameterizedTest
    @CsvSource({"0, 0", "2, 2", "3, 3"})
    void priorityIsRead(String value, int priority) {
        assertEquals(priority, prepare(options("PRIORITY", value)).schedule().priority());
    }

    @ParameterizedTest(name = "{0}={1} -> {2}")
    @CsvSource({
        "VP, soon, VP",
        "VP, -60, VP",
        "VP, 12345678901, VP",
        "VP, 20261301000000, VP",
        "DELTIME, tomorrow, DELTIME",
        "DELTIME, 2026-03-01, DELTIME",
        "DLR, 2, DLR",
        "PROTOCOLID, 300, PROTOCOLID",
        "PRIORITY, 4, PRIORITY",
    })
    void badValuesAreRefusedNamingTheOption(String option, String value, String named) {
        GatewayException e = assertThrows(GatewayException.class, () -> prepare(options(option, value)));
        assertEquals(Status.INVALID_ARGUMENT, e.status());
        assertEquals("Invalid argument: " + named, e.statusText());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "VP and DLR, VP, x, DLR, 2, VP",
        "DELTIME and PRIORITY, DELTIME, x, PRIORITY, 9, DELTIME",
        "DLR and PRIORITY, PRIORITY, 9, DLR, 2, DLR",
        "PROTOCOLID and PRIORITY, PRIORITY, x, PROTOCOLID, 256, PROTOCOLID",
    })
    void withSeveralBadOptionsTheFirstInTheOrderOfCheckingIsNamed(String name, String option1, String value1,
            String option2, String value2, String named) {
        GatewayException e = assertThrows(GatewayException.class,
                () -> prepare(options(option1, value1, option2, value2)));
        assertEquals("Invalid argument: " + named, e.statusText());
    }
}
