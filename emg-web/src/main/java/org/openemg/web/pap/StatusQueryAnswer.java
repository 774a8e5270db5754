package org.openemg.web.pap;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.openemg.core.pap.PushState;
import org.openemg.core.pap.StatusQueryMessage;
import org.openemg.core.pap.StatusQueryResponse;
import org.openemg.ejb.store.PushedAddress;

/**
 * The statusquery-response for a push as it stands: one result per address, its state from its message's
 * parts (pending, delivered, undeliverable, expired, cancelled) since the last change; unknown (2004) for an
 * address that is not the push's, and for every address of a push-id not known.
 */
final class StatusQueryAnswer {

    private StatusQueryAnswer() {
    }

    static StatusQueryResponse of(StatusQueryMessage query, List<PushedAddress> pushed) {
        if (pushed.isEmpty()) {
            return StatusQueryResponse.unknownPush(query.pushId(), query.addresses().stream().map(a -> a.value()).toList());
        }
        List<StatusQueryResponse.Result> results = new ArrayList<>();
        for (PushAddresses.Match match : PushAddresses.match(query.addresses(), pushed)) {
            if (match.pushed() == null) {
                results.add(StatusQueryResponse.Result.of(match.asked(), PushState.UNKNOWN, null));
            } else {
                results.add(StatusQueryResponse.Result.of(match.asked(), match.pushed().state(),
                        Instant.ofEpochMilli(match.pushed().lastChange())));
            }
        }
        return new StatusQueryResponse(query.pushId(), results);
    }
}
