package org.openemg.web.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.openemg.core.message.Status;

class TextFormatTest {

    private final ResponseFormat format = ResponseFormat.ofSuffix("");

    @Test
    void mediaType() {
        assertEquals("text/plain;charset=UTF-8", format.mediaType());
    }

    @Test
    void acceptedIsTheIdAndNoBalance() {
        assertEquals("25629515\n", format.outcome(Outcomes.ONE_ACCEPTED));
    }

    @Test
    void refusedRecipientsKeepTheirLine() {
        assertEquals("10000000000001\nERR 5 Invalid argument: DESTADDR\n10000000000002\n",
                format.outcome(Outcomes.MIXED));
    }

    @Test
    void requestLevelFailure() {
        assertEquals("ERR 3 Invalid login\n", format.failure(Status.INVALID_LOGIN, "Invalid login"));
    }

    @Test
    void lineBreaksInTextStayOnOneLine() {
        assertEquals("ERR 14 Blacklisted: <\"a&b'>\\ \u0001\n", format.outcome(Outcomes.NEEDS_ESCAPING));
    }

    @Test
    void messageStatus() {
        assertEquals("""
                ID=10000000000042
                STATE=SUBMITTED
                CONNECTOR=http-in
                OUTCONNECTOR=smpp-out
                SMSCID=0a1b2c
                ATTEMPTS=1
                CREATED=2025-01-31T12:00:00Z
                UPDATED=2025-01-31T12:00:01Z
                """, format.message(Outcomes.SUBMITTED, Optional.empty(), Optional.empty()));
    }

    @Test
    void messageStatusLeavesOutWhatIsNotKnownYet() {
        assertEquals("""
                ID=7
                STATE=QUEUED
                CONNECTOR=http-in
                ATTEMPTS=0
                CREATED=2025-01-31T12:00:00Z
                """, format.message(Outcomes.QUEUED, Optional.empty(), Optional.empty()));
    }

    @Test
    void messageStatusWithItsLastReport() {
        assertEquals("""
                ID=10000000000042
                STATE=SUBMITTED
                CONNECTOR=http-in
                OUTCONNECTOR=smpp-out
                SMSCID=0a1b2c
                ATTEMPTS=1
                CREATED=2025-01-31T12:00:00Z
                UPDATED=2025-01-31T12:00:01Z
                MESSAGESTATE=UNDELIVERABLE
                DLRTIME=2025-01-31T12:00:09Z
                SMSCERROR=069
                DLRID=10000000000050
                DLRSTATE=DELIVERED
                """, format.message(Outcomes.SUBMITTED, Optional.of(Outcomes.UNDELIVERABLE), Optional.empty()));
        assertTrue(format.message(Outcomes.QUEUED, Optional.of(Outcomes.EXPIRED), Optional.empty())
                .endsWith("MESSAGESTATE=EXPIRED\nDLRTIME=2025-01-31T13:00:00Z\n"), "no error, no DLR sent");
    }

    @Test
    void messageStatusEndsWithTheBalanceOfTheSendersAccount() {
        assertTrue(format.message(Outcomes.QUEUED, Optional.of(Outcomes.EXPIRED), Optional.of(new BigDecimal("49.0000")))
                .endsWith("\nMESSAGESTATE=EXPIRED\nDLRTIME=2025-01-31T13:00:00Z\nBALANCE=49.0000\n"));
        assertTrue(format.message(Outcomes.QUEUED, Optional.empty(), Optional.of(new BigDecimal("-3.5000")))
                .endsWith("\nCREATED=2025-01-31T12:00:00Z\nBALANCE=-3.5000\n"), "a postpaid account below zero");
    }
}
