package org.openemg.core.pap;

import java.time.Instant;
import java.util.List;

/** statusquery-response: one statusquery-result per group of addresses in the same state. */
public record StatusQueryResponse(String pushId, List<Result> results) implements PapResponse {

    public StatusQueryResponse {
        results = List.copyOf(results);
        if (results.isEmpty()) {
            throw new IllegalArgumentException("a statusquery-response has at least one result");
        }
    }

    /** The answer for a push-id the PPG does not know (any more). */
    public static StatusQueryResponse unknownPush(String pushId, List<String> addresses) {
        return new StatusQueryResponse(pushId, List.of(new Result(addresses, PushState.UNKNOWN, PushState.UNKNOWN.code(), null)));
    }

    /** The state of the push for {@code addresses} (address-values as the push gave them), since {@code eventTime} (null if not known). */
    public record Result(List<String> addresses, PushState state, PapCode code, Instant eventTime) {

        public Result {
            addresses = List.copyOf(addresses);
        }

        public static Result of(String address, PushState state, Instant eventTime) {
            return new Result(List.of(address), state, state.code(), eventTime);
        }
    }

    @Override
    public String toXml(PapVersion version) {
        PapXml xml = new PapXml(version).open("statusquery-response", "push-id", pushId);
        for (Result r : results) {
            xml.open("statusquery-result", "event-time", r.eventTime == null ? null : PapDateTime.format(r.eventTime),
                            "message-state", r.state.xmlName(), "code", Integer.toString(r.code.value()),
                            "desc", r.code.description())
                    .addresses(r.addresses)
                    .close("statusquery-result");
        }
        return xml.close("statusquery-response").end();
    }
}
