package org.openemg.web.pap;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openemg.core.message.MessageState;
import org.openemg.core.pap.PapAddress;
import org.openemg.core.pap.PapCode;
import org.openemg.core.pap.PushState;
import org.openemg.core.pap.StatusQueryMessage;
import org.openemg.core.pap.StatusQueryResponse;
import org.openemg.core.pap.StatusQueryResponse.Result;
import org.openemg.ejb.store.PushedAddress;

class StatusQueryAnswerTest {

    private static final String A = "WAPPUSH=+46701234567/TYPE=PLMN@ppg.example.com";
    private static final String B = "WAPPUSH=+46707654321/TYPE=PLMN";
    private static final List<PushedAddress> PUSHED = List.of(
            new PushedAddress(A, 1, List.of(MessageState.DELIVERED, MessageState.FAILED), 5000),
            new PushedAddress(B, 2, List.of(MessageState.EXPIRED), 6000));

    private static StatusQueryMessage query(String... addresses) {
        return new StatusQueryMessage("p1", List.of(addresses).stream().map(PapAddress::parse).toList());
    }

    @Test
    void withoutAddressesEveryAddressOfThePushIsAnswered() {
        assertEquals(new StatusQueryResponse("p1", List.of(
                        Result.of(A, PushState.UNDELIVERABLE, Instant.ofEpochMilli(5000)),
                        Result.of(B, PushState.EXPIRED, Instant.ofEpochMilli(6000)))),
                StatusQueryAnswer.of(query(), PUSHED));
    }

    @Test
    void anAddressIsFoundByItsNumberHoweverItIsWrittenAndAnswersAsAsked() {
        String asked = "wappush=+46-70-765-4321/type=plmn@other.example.com";
        assertEquals(new StatusQueryResponse("p1", List.of(Result.of(asked, PushState.EXPIRED, Instant.ofEpochMilli(6000)))),
                StatusQueryAnswer.of(query(asked), PUSHED));
    }

    @Test
    void anAddressThatIsNotThePushsIsUnknown() {
        String other = "WAPPUSH=+4670000000/TYPE=PLMN";
        Result result = StatusQueryAnswer.of(query(other), PUSHED).results().get(0);

        assertEquals(PushState.UNKNOWN, result.state());
        assertEquals(PapCode.PUSH_ID_NOT_FOUND, result.code());
    }

    @Test
    void aPushIdNotKnownIsUnknownForTheAddressesAsked() {
        assertEquals(StatusQueryResponse.unknownPush("p1", List.of(A)), StatusQueryAnswer.of(query(A), List.of()));
    }
}
