package org.openemg.core.accept;

import java.util.List;
import org.openemg.core.message.GatewayException;
import org.openemg.core.message.Options;
import org.openemg.core.message.RecipientResult;
import org.openemg.core.message.Status;

/** What becomes of one recipient's message: refused with a status, or accepted to be stored as its parts. */
public sealed interface AcceptDecision {

    static Refused refused(GatewayException e) {
        return new Refused(e.status(), e.statusText());
    }

    /** A recipient refused while the other recipients of its request may be accepted. */
    record Refused(Status status, String statusText) implements AcceptDecision {

        public RecipientResult result() {
            return new RecipientResult(status, statusText, null, 0);
        }
    }

    /**
     * {@code parts} are the rows to store, in order; {@code outConnector} is the connector they leave by, room
     * in its queue taken; {@code account} the user whose account pays for the parts, null when the client's user
     * has none; {@code partners} the other connectors of the route that may take them over, in order.
     */
    record Accepted(PreparedMessage message, List<Options> parts, String outConnector, String account,
                    List<String> partners) implements AcceptDecision {

        public Accepted {
            partners = List.copyOf(partners);
        }

        public Accepted(PreparedMessage message, List<Options> parts, String outConnector) {
            this(message, parts, outConnector, null, List.of());
        }

        /** The answer once the first part is stored under {@code id}, the message's id. */
        public RecipientResult result(long id) {
            return RecipientResult.accepted(id, parts.size());
        }
    }
}
