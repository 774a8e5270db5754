package org.openemg.core.message;

/** The answer for one recipient of an accepted request: an id, or the status it was refused with. */
public record RecipientResult(Status status, String statusText, Long messageId, int parts) {

    public static RecipientResult accepted(long messageId, int parts) {
        return new RecipientResult(Status.OK, Status.OK.text(), messageId, parts);
    }

    public static RecipientResult refused(GatewayException e) {
        return new RecipientResult(e.status(), e.statusText(), null, 0);
    }

    public boolean isAccepted() {
        return status == Status.OK;
    }
}
