package org.openemg.web.pap;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.openemg.core.message.MessageState;
import org.openemg.core.pap.CancelMessage;
import org.openemg.core.pap.CancelResponse;
import org.openemg.core.pap.CancelResponse.Result;
import org.openemg.core.pap.PapAddress;
import org.openemg.core.pap.PapCode;
import org.openemg.ejb.store.PushedAddress;

class CancelAnswerTest {

    private static final String A = "WAPPUSH=+46701234567/TYPE=PLMN@ppg.example.com";
    private static final String B = "WAPPUSH=+46707654321/TYPE=PLMN";
    private static final String OTHER = "WAPPUSH=+4670000000/TYPE=PLMN";
    private static final List<PushedAddress> PUSHED = List.of(new PushedAddress(A, 1, List.of(MessageState.QUEUED), 0),
            new PushedAddress(B, 2, List.of(MessageState.SUBMITTED), 0));

    private static CancelMessage cancel(String... addresses) {
        return new CancelMessage("p1", List.of(addresses).stream().map(PapAddress::parse).toList());
    }

    @Test
    void withoutAddressesTheWholePushIsTheTarget() {
        assertEquals(Set.of(A, B), CancelAnswer.targets(cancel(), PUSHED));
    }

    @Test
    void theTargetsAreThePushsAddressesTheMessageNames() {
        assertEquals(Set.of(B), CancelAnswer.targets(cancel("wappush=+46707654321/type=plmn@x.example.com", OTHER), PUSHED));
    }

    @Test
    void cancelledTooLateAndUnknownAreAnsweredEachWithTheirAddresses() {
        assertEquals(new CancelResponse("p1", List.of(new Result(PapCode.OK, List.of(A)),
                        new Result(PapCode.CANCELLATION_NOT_POSSIBLE, List.of(B)),
                        new Result(PapCode.PUSH_ID_NOT_FOUND, List.of(OTHER)))),
                CancelAnswer.of(cancel(A, B, OTHER), PUSHED, Set.of(A)));
    }

    @Test
    void aPushIdNotKnownIs2004() {
        assertEquals(new CancelResponse("p1", List.of(new Result(PapCode.PUSH_ID_NOT_FOUND, List.of(A)))),
                CancelAnswer.of(cancel(A), List.of(), Set.of()));
    }
}
