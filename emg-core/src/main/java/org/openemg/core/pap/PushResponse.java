package org.openemg.core.pap;

import java.time.Instant;

/** push-response: the push's id, the outcome (1001 when accepted), when the PPG answered and who it is. */
public record PushResponse(String pushId, PapCode code, String description, Instant replyTime, PpgIdentity ppg)
        implements PapResponse {

    public static PushResponse of(String pushId, PapCode code, Instant replyTime, PpgIdentity ppg) {
        return new PushResponse(pushId, code, code.description(), replyTime, ppg);
    }

    @Override
    public String toXml(PapVersion version) {
        return new PapXml(version)
                .open("push-response", "push-id", pushId, "sender-address", ppg.address(), "sender-name", ppg.name(),
                        "reply-time", PapDateTime.format(replyTime))
                .empty("response-result", "code", Integer.toString(code.value()), "desc", description)
                .close("push-response")
                .end();
    }
}
