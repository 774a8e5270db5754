package org.openemg.ejb.store;

import java.util.List;
import org.openemg.core.message.MessageState;

/**
 * One address of a WAP push as it stands: the address-value the push gave, its message, the states of the
 * message's parts and when the last of them changed (epoch ms).
 */
public record PushedAddress(String address, long messageId, List<MessageState> parts, long lastChange) {

    public PushedAddress {
        parts = List.copyOf(parts);
    }
}
