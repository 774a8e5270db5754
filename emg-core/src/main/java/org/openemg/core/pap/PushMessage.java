package org.openemg.core.pap;

import java.time.Instant;
import java.util.List;

/**
 * A push-message: the push's id, the phones it goes to, its timing, where the push initiator wants
 * the result notification (null when it wants none), and whether it asked for progress notes.
 * Unset timestamps are null.
 */
public record PushMessage(String pushId, List<PapAddress> addresses, Instant deliverBefore, Instant deliverAfter,
                          String notifyTo, boolean progressNotesRequested) implements PapMessage {

    public PushMessage {
        addresses = List.copyOf(addresses);
    }
}
