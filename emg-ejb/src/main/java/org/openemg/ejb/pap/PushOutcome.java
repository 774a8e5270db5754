package org.openemg.ejb.pap;

import java.util.List;
import org.openemg.core.message.RecipientResult;

/** What became of a push: accepted with one message id per address, a duplicate push-id, or an address refused. */
public sealed interface PushOutcome {

    record Accepted(List<Long> messageIds) implements PushOutcome {

        public Accepted {
            messageIds = List.copyOf(messageIds);
        }
    }

    record Duplicate() implements PushOutcome {
    }

    /** The first address the gateway refused, and why; nothing of the push was kept. */
    record Refused(String address, RecipientResult refusal) implements PushOutcome {
    }
}
