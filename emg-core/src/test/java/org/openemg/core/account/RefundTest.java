package org.openemg.core.account;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.openemg.core.message.MessageState;

class RefundTest {

    private static final Set<MessageState> OURS = Set.of(MessageState.QUEUED, MessageState.INFLIGHT);
    private static final Set<MessageState> LOST = Set.of(MessageState.FAILED, MessageState.EXPIRED, MessageState.DELETED);

    /** Every pair of states: refunded exactly when the gateway held the part and it ended without a carrier. */
    @ParameterizedTest
    @EnumSource(MessageState.class)
    void onlyAPartTheGatewayCouldNotHandOverIsRefunded(MessageState from) {
        for (MessageState to : MessageState.values()) {
            assertEquals(OURS.contains(from) && LOST.contains(to), Refund.due(from, to), from + " -> " + to);
        }
    }

    @ParameterizedTest
    @EnumSource(value = MessageState.class, names = {"FAILED", "EXPIRED", "DELETED", "DELIVERED"})
    void aReceiptAfterTheSmscAcceptedThePartRefundsNothing(MessageState reported) {
        assertEquals(false, Refund.due(MessageState.SUBMITTED, reported));
    }
}
