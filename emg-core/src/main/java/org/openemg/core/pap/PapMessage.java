package org.openemg.core.pap;

/** A PAP message a push initiator sends to the PPG: the element inside {@code <pap>}. */
public sealed interface PapMessage permits PushMessage, StatusQueryMessage, CancelMessage, ResultNotificationResponse {

    String pushId();
}
