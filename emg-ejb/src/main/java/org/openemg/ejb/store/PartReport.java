package org.openemg.ejb.store;

import org.openemg.core.message.MessageState;

/**
 * A delivery report on a part: the state it moves the part to, the MESSAGESTATE it reported (UNDELIVERABLE
 * and REJECTED both fail a part, /bin/status tells them apart), when it came and the SMSC's error, if any.
 */
public record PartReport(MessageState state, String messageState, long at, String error) {

    /** The gateway's own report of a final state it set (no receipts on the connector, VP expiry, an error answer). */
    public static PartReport own(MessageState state, long at, String error) {
        return new PartReport(state, state.name(), at, error);
    }
}
