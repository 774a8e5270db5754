package org.openemg.core.dlr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.openemg.core.message.MessageState;
import org.openemg.core.message.Options;

class DeliveryReportTest {

    private static final Instant ACCEPTED = Instant.parse("2026-12-01T10:15:30Z");
    private static final Instant DONE = Instant.parse("2026-12-01T10:16:05Z");

    private static Options original(String dlr) {
        return new Options().set("SOURCEADDR", "4612345").set("SOURCEADDRTON", "1").set("DESTADDR", "46701234567")
                .set("MESSAGE", "Hello there, how are you today?").set("DLR", dlr).set("USERNAME", "acme")
                .set("CONNECTOR", "smpp-in").set("REMOTEIP", "10.1.2.3").set("OUTCONNECTOR", "smpp-out")
                .set("SMSCID", "ABC");
    }

    @Test
    void aDlrGoesFromTheRecipientToTheSenderAndNamesTheOriginal() {
        Options dlr = DeliveryReport.of(7000000000000042L, original("1"), MessageState.DELIVERED, ACCEPTED, DONE).orElseThrow();

        assertEquals("5", dlr.get("MSGTYPE"));
        assertEquals("7000000000000042", dlr.get("ORIGID"));
        assertEquals("DELIVERED", dlr.get("MESSAGESTATE"));
        assertEquals("46701234567", dlr.get("SOURCEADDR"));
        assertEquals("4612345", dlr.get("DESTADDR"));
        assertEquals("1", dlr.get("DESTADDRTON"));
        assertEquals("acme", dlr.get("USERNAME"));
        assertEquals("smpp-in", dlr.get("CONNECTOR"));
        assertEquals("Hello there, how are you today?", dlr.get("MESSAGE"));
        assertEquals("20261201101530", dlr.get("SUBMITDATE"));
        assertEquals("20261201101605", dlr.get("DONEDATE"));
        assertEquals(null, dlr.get("OUTCONNECTOR"), "where the original went is not where the DLR goes");
        assertEquals(null, dlr.get("SMSCID"));
        assertEquals(null, dlr.get("DLR"), "a DLR asks for no DLR");
    }

    @Test
    void theDlrOfAWapPushCarriesWhatItsResultNotificationNeeds() {
        Options push = original("1").set("PAP_PUSHID", "p-9").set("PAP_ADDRESS", "WAPPUSH=+46701234567/TYPE=PLMN")
                .set("PAP_NOTIFYTO", "http://pi.example.com/notify").set("PAP_VERSION", "2.1");
        Options dlr = DeliveryReport.of(1, push, MessageState.DELIVERED, ACCEPTED, DONE).orElseThrow();

        assertEquals("p-9", dlr.get("PAP_PUSHID"));
        assertEquals("WAPPUSH=+46701234567/TYPE=PLMN", dlr.get("PAP_ADDRESS"));
        assertEquals("http://pi.example.com/notify", dlr.get("PAP_NOTIFYTO"));
        assertEquals("2.1", dlr.get("PAP_VERSION"));
    }

    @ParameterizedTest
    @CsvSource({"FAILED", "EXPIRED", "DELETED"})
    void everyFinalStateIsReported(MessageState state) {
        assertEquals(state.name(), DeliveryReport.of(1, original("3"), state, ACCEPTED, DONE).orElseThrow().get("MESSAGESTATE"));
    }

    @ParameterizedTest
    @CsvSource({"0", "''", "x"})
    void noDlrWhenNoneWasAskedFor(String dlr) {
        assertEquals(Optional.empty(), DeliveryReport.of(1, original(dlr), MessageState.DELIVERED, ACCEPTED, DONE));
    }

    @Test
    void noDlrOfAStateThatIsNotFinalNorOfADlr() {
        assertEquals(Optional.empty(), DeliveryReport.of(1, original("1"), MessageState.SUBMITTED, ACCEPTED, DONE));
        Options aDlr = original("1").set("MSGTYPE", "5");
        assertTrue(DeliveryReport.of(1, aDlr, MessageState.DELIVERED, ACCEPTED, DONE).isEmpty());
    }

    @Test
    void dlr3AlsoGetsWhatAnIntermediateReceiptSaid() {
        Options dlr = DeliveryReport.intermediate(42, original("3"), "ENROUTE", ACCEPTED, DONE).orElseThrow();

        assertEquals("5", dlr.get("MSGTYPE"));
        assertEquals("42", dlr.get("ORIGID"));
        assertEquals("ENROUTE", dlr.get("MESSAGESTATE"));
        assertEquals("4612345", dlr.get("DESTADDR"));
        assertEquals("acme", dlr.get("USERNAME"));
        assertEquals("20261201101605", dlr.get("DONEDATE"));
    }

    @ParameterizedTest
    @CsvSource({"0", "1", "''"})
    void noIntermediateDlrUnlessDlr3(String dlr) {
        assertEquals(Optional.empty(), DeliveryReport.intermediate(1, original(dlr), "ACCEPTED", ACCEPTED, DONE));
        assertTrue(DeliveryReport.intermediate(1, original("3").set("MSGTYPE", "5"), "ACCEPTED", ACCEPTED, DONE).isEmpty(),
                "not of a DLR");
    }
}
