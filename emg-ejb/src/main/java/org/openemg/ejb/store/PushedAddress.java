package org.openemg.ejb.store;

import java.util.List;
import org.openemg.core.message.MessageState;
import org.openemg.core.pap.PushState;

/**
 * One address of a WAP push as it stands: the address-value the push gave, its message, the states of the
 * message's parts, when the last of them changed (epoch ms), and whether receipts were asked for (a DLR).
 */
public record PushedAddress(String address, long messageId, List<MessageState> parts, long lastChange,
                            boolean receiptsAwaited) {

    public PushedAddress {
        parts = List.copyOf(parts);
    }

    /** An address whose message asked the SMSC for receipts. */
    public PushedAddress(String address, long messageId, List<MessageState> parts, long lastChange) {
        this(address, messageId, parts, lastChange, true);
    }

    public PushState state() {
        return PushState.of(parts, receiptsAwaited);
    }
}
