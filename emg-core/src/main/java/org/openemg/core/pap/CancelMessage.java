package org.openemg.core.pap;

import java.util.List;

/** A cancel-message: the push to cancel, and the addresses to cancel it for (none means all of the push's). */
public record CancelMessage(String pushId, List<PapAddress> addresses) implements PapMessage {

    public CancelMessage {
        addresses = List.copyOf(addresses);
    }
}
