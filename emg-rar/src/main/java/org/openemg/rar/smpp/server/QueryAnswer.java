package org.openemg.rar.smpp.server;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import org.openemg.core.message.MessageStatus;

/**
 * A message's state as query_sm_resp tells it: the SMPP message_state, and final_date (absolute SMPP time,
 * UTC) once the state is final. Waiting, in flight or at the SMSC are all ENROUTE to the client.
 */
record QueryAnswer(String finalDate, byte messageState) {

    private static final DateTimeFormatter SMPP_ABSOLUTE = DateTimeFormatter.ofPattern("yyMMddHHmmss'000+'")
            .withZone(ZoneOffset.UTC);

    static QueryAnswer of(MessageStatus status) {
        byte state = switch (status.state()) {
            case QUEUED, INFLIGHT, SUBMITTED -> 1;
            case DELIVERED -> 2;
            case EXPIRED -> 3;
            case DELETED -> 4;
            case FAILED -> 5;
        };
        String finalDate = status.state().isFinal() ? SMPP_ABSOLUTE.format(status.updated()) : null;
        return new QueryAnswer(finalDate, state);
    }
}
