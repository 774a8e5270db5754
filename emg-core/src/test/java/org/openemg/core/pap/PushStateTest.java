package org.openemg.core.pap;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.openemg.core.message.MessageState;

/** The state of a push to one address, from the states of its SMS parts. */
class PushStateTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "QUEUED                       | PENDING       | pending       | 1001",
            "INFLIGHT                     | PENDING       | pending       | 1001",
            "SUBMITTED                    | PENDING       | pending       | 1001",
            "DELIVERED                    | DELIVERED     | delivered     | 1000",
            "DELIVERED DELIVERED          | DELIVERED     | delivered     | 1000",
            "DELIVERED SUBMITTED          | PENDING       | pending       | 1001",
            "FAILED                       | UNDELIVERABLE | undeliverable | 4000",
            "DELIVERED FAILED             | UNDELIVERABLE | undeliverable | 4000",
            "EXPIRED                      | EXPIRED       | expired       | 4000",
            "EXPIRED FAILED               | UNDELIVERABLE | undeliverable | 4000",
            "DELETED                      | CANCELLED     | cancelled     | 1000",
            "DELETED DELETED              | CANCELLED     | cancelled     | 1000",
            "DELETED EXPIRED              | EXPIRED       | expired       | 4000",
            "''                           | UNKNOWN       | unknown       | 2004",
    })
    void ofParts(String parts, PushState state, String xmlName, int code) {
        List<MessageState> states = parts.isBlank() ? List.of()
                : Arrays.stream(parts.trim().split("\\s+")).map(MessageState::valueOf).toList();
        assertEquals(state, PushState.of(states));
        assertEquals(xmlName, state.xmlName());
        assertEquals(code, state.code().value());
    }

    @ParameterizedTest(name = "unconfirmed {0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "SUBMITTED           | DELIVERED",
            "SUBMITTED DELIVERED | DELIVERED",
            "SUBMITTED QUEUED    | PENDING",
            "INFLIGHT            | PENDING",
            "SUBMITTED FAILED    | UNDELIVERABLE",
    })
    void withoutReceiptsAPartTheSmscAcceptedIsDelivered(String parts, PushState state) {
        List<MessageState> states = Arrays.stream(parts.trim().split("\\s+")).map(MessageState::valueOf).toList();
        assertEquals(state, PushState.of(states, false));
        assertEquals(PushState.PENDING, PushState.of(List.of(MessageState.SUBMITTED), true));
    }
}
