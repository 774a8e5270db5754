package org.openemg.web.pap;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.openemg.core.pap.CancelMessage;
import org.openemg.core.pap.CancelResponse;
import org.openemg.core.pap.PapCode;
import org.openemg.ejb.store.PushedAddress;

/**
 * What a cancel-message cancels, and its cancel-response: the push's addresses it names are cancelled
 * where their messages were still queued (1000), the others had gone already (2008); an address that is
 * not the push's, or any of a push-id not known, is 2004.
 */
final class CancelAnswer {

    private CancelAnswer() {
    }

    /** The push's address-values the cancel-message names. */
    static Set<String> targets(CancelMessage cancel, List<PushedAddress> pushed) {
        Set<String> targets = new LinkedHashSet<>();
        for (PushAddresses.Match match : PushAddresses.match(cancel.addresses(), pushed)) {
            if (match.pushed() != null) {
                targets.add(match.pushed().address());
            }
        }
        return targets;
    }

    /** One cancel-result per outcome, with the addresses as the cancel-message wrote them. */
    static CancelResponse of(CancelMessage cancel, List<PushedAddress> pushed, Set<String> cancelled) {
        Map<PapCode, List<String>> byCode = new LinkedHashMap<>();
        if (pushed.isEmpty()) {
            byCode.put(PapCode.PUSH_ID_NOT_FOUND, cancel.addresses().stream().map(a -> a.value()).toList());
        } else {
            for (PushAddresses.Match match : PushAddresses.match(cancel.addresses(), pushed)) {
                PapCode code = match.pushed() == null ? PapCode.PUSH_ID_NOT_FOUND
                        : cancelled.contains(match.pushed().address()) ? PapCode.OK : PapCode.CANCELLATION_NOT_POSSIBLE;
                byCode.computeIfAbsent(code, c -> new ArrayList<>()).add(match.asked());
            }
        }
        List<CancelResponse.Result> results = new ArrayList<>();
        byCode.forEach((code, addresses) -> results.add(new CancelResponse.Result(code, addresses)));
        return new CancelResponse(cancel.pushId(), results);
    }
}
