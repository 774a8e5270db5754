package org.openemg.ejb.store;

import org.openemg.core.message.MessageState;
import org.openemg.core.message.MessageStatus;

/**
 * A message's state derived from its parts: a failed part fails the whole at once; otherwise, while
 * any part is on its way the least advanced one decides, and once all are final, one that did not
 * arrive (expired, deleted) decides.
 */
final class PartStates {

    private PartStates() {
    }

    static MessageStatus combine(MessageStatus whole, MessageStatus part) {
        MessageState state = worse(whole.state(), part.state());
        return new MessageStatus(whole.id(), state, whole.destAddr(), whole.connector(), whole.outConnector(),
                whole.smscId(), Math.max(whole.attempts(), part.attempts()), whole.created(),
                part.updated().isAfter(whole.updated()) ? part.updated() : whole.updated());
    }

    static MessageState worse(MessageState a, MessageState b) {
        if (a == MessageState.FAILED || b == MessageState.FAILED) {
            return MessageState.FAILED;
        }
        if (a.isFinal() != b.isFinal()) {
            return a.isFinal() ? b : a;
        }
        if (a.isFinal()) {
            return a.code() >= b.code() ? a : b;
        }
        return a.code() <= b.code() ? a : b;
    }
}
