package org.openemg.ejb.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.openemg.core.message.MessageState;
import org.openemg.core.message.MessageStatus;

class PartStatesTest {

    private static MessageStatus part(MessageState state, long updated) {
        return new MessageStatus(1L, state, "4670", "http-in", "smpp-out", null, 0,
                Instant.ofEpochMilli(0), Instant.ofEpochMilli(updated));
    }

    @ParameterizedTest
    @CsvSource({
            "DELIVERED, DELIVERED, DELIVERED",
            "DELIVERED, SUBMITTED, SUBMITTED",
            "SUBMITTED, DELIVERED, SUBMITTED",
            "QUEUED, SUBMITTED, QUEUED",
            "INFLIGHT, QUEUED, QUEUED",
            "DELIVERED, FAILED, FAILED",
            "FAILED, QUEUED, FAILED",
            "EXPIRED, DELIVERED, EXPIRED",
            "DELIVERED, EXPIRED, EXPIRED",
            "DELETED, DELIVERED, DELETED",
            "QUEUED, EXPIRED, QUEUED"})
    void aPartOnItsWayOrOneThatDidNotArriveDecides(MessageState first, MessageState second, MessageState whole) {
        assertEquals(whole, PartStates.combine(part(first, 1), part(second, 2)).state());
    }

    @ParameterizedTest
    @CsvSource({"1, 2, 2", "5, 3, 5"})
    void theLatestUpdateOfAnyPartIsTheMessage(long first, long second, long latest) {
        assertEquals(Instant.ofEpochMilli(latest),
                PartStates.combine(part(MessageState.SUBMITTED, first), part(MessageState.SUBMITTED, second)).updated());
    }
}
