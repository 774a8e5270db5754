package org.openemg.core.receipt;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.openemg.core.message.MessageState;

class ReceiptStateTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "ENROUTE, 1, ENROUTE, SUBMITTED",
        "DELIVRD, 2, DELIVERED, DELIVERED",
        "EXPIRED, 3, EXPIRED, EXPIRED",
        "DELETED, 4, DELETED, DELETED",
        "UNDELIV, 5, UNDELIVERABLE, FAILED",
        "ACCEPTD, 6, ACCEPTED, SUBMITTED",
        "UNKNOWN, 7, UNKNOWN, SUBMITTED",
        "REJECTD, 8, REJECTED, FAILED",
    })
    void statWordAndTlvValueNameTheSameState(String stat, int tlv, String option, MessageState state) {
        ReceiptState byStat = ReceiptState.fromStat(stat).orElseThrow();
        assertEquals(Optional.of(byStat), ReceiptState.fromTlv(tlv));
        assertEquals(stat, byStat.stat());
        assertEquals(tlv, byStat.tlvValue());
        assertEquals(option, byStat.messageStateOption());
        assertEquals(state, byStat.messageState());
    }

    @ParameterizedTest
    @CsvSource({"delivrd, DELIVERED", "' Undeliv ', UNDELIVERABLE", "DELIVERED, DELIVERED", "rejected, REJECTED"})
    void statWordsAreReadInAnyCaseAndSpelledOut(String stat, ReceiptState state) {
        assertEquals(Optional.of(state), ReceiptState.fromStat(stat));
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 9, -1, 255})
    void tlvValuesOutsideSmpp34AreUnknownToUs(int tlv) {
        assertEquals(Optional.empty(), ReceiptState.fromTlv(tlv));
    }

    @Test
    void unrecognisedStatWordsAreEmpty() {
        assertEquals(Optional.empty(), ReceiptState.fromStat("SENT"));
        assertEquals(Optional.empty(), ReceiptState.fromStat(null));
    }

    @Test
    void failedDlrsAreReportedAsUndeliverable() {
        assertEquals(Optional.of(ReceiptState.UNDELIVERABLE), ReceiptState.fromMessageStateOption("FAILED"));
        assertEquals(Optional.of(ReceiptState.EXPIRED), ReceiptState.fromMessageStateOption("EXPIRED"));
        assertEquals(Optional.empty(), ReceiptState.fromMessageStateOption("QUEUED"));
    }
}
