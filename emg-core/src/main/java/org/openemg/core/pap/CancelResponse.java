package org.openemg.core.pap;

import java.util.List;

/**
 * cancel-response: one cancel-result per group of addresses with the same outcome: 1000 cancelled,
 * 2008 too late (already sent), 2004 push-id not known.
 */
public record CancelResponse(String pushId, List<Result> results) implements PapResponse {

    public CancelResponse {
        results = List.copyOf(results);
        if (results.isEmpty()) {
            throw new IllegalArgumentException("a cancel-response has at least one result");
        }
    }

    public record Result(PapCode code, List<String> addresses) {

        public Result {
            addresses = List.copyOf(addresses);
        }
    }

    @Override
    public String toXml(PapVersion version) {
        PapXml xml = new PapXml(version).open("cancel-response", "push-id", pushId);
        for (Result r : results) {
            xml.open("cancel-result", "code", Integer.toString(r.code.value()), "desc", r.code.description())
                    .addresses(r.addresses)
                    .close("cancel-result");
        }
        return xml.close("cancel-response").end();
    }
}
