package org.openemg.core.pap;

import java.time.Instant;

/**
 * resultnotification-message, POSTed to the push's ppg-notify-requested-to once the push to one
 * address reached a final state: when the PPG received the push, when the state was reached, the
 * state and its code.
 */
public record ResultNotificationMessage(String pushId, String address, PushState state, PapCode code,
                                        Instant receivedTime, Instant eventTime, PpgIdentity ppg) implements PapResponse {

    public static ResultNotificationMessage of(String pushId, String address, PushState state, Instant receivedTime,
                                               Instant eventTime, PpgIdentity ppg) {
        return new ResultNotificationMessage(pushId, address, state, state.code(), receivedTime, eventTime, ppg);
    }

    @Override
    public String toXml(PapVersion version) {
        return new PapXml(version)
                .open("resultnotification-message", "push-id", pushId, "sender-address", ppg.address(),
                        "sender-name", ppg.name(), "received-time", PapDateTime.format(receivedTime),
                        "event-time", PapDateTime.format(eventTime), "message-state", state.xmlName(),
                        "code", Integer.toString(code.value()), "desc", code.description())
                .empty("address", "address-value", address)
                .close("resultnotification-message")
                .end();
    }
}
