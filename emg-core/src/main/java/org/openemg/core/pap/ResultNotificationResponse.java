package org.openemg.core.pap;

/**
 * The push initiator's answer to a resultnotification-message the PPG posted: code 1000 when it
 * took the notification, a 2xxx when it did not understand it.
 */
public record ResultNotificationResponse(String pushId, PapCode code, String description) implements PapMessage {
}
