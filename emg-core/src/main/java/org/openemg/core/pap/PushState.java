package org.openemg.core.pap;

import java.util.Collection;
import org.openemg.core.message.MessageState;

/**
 * PAP's message-state (PAP-WAP.md 1.5), as statusquery-result and resultnotification-message
 * carry it, with the code that goes beside it.
 */
public enum PushState {
    PENDING("pending", PapCode.ACCEPTED),
    DELIVERED("delivered", PapCode.OK),
    UNDELIVERABLE("undeliverable", PapCode.SERVICE_FAILURE),
    EXPIRED("expired", PapCode.SERVICE_FAILURE),
    CANCELLED("cancelled", PapCode.OK),
    ABORTED("aborted", PapCode.CLIENT_ABORTED),
    TIMEOUT("timeout", PapCode.SERVICE_FAILURE),
    UNKNOWN("unknown", PapCode.PUSH_ID_NOT_FOUND);

    private final String xmlName;
    private final PapCode code;

    PushState(String xmlName, PapCode code) {
        this.xmlName = xmlName;
        this.code = code;
    }

    public String xmlName() {
        return xmlName;
    }

    /** The code that goes with this state when nothing more specific is known. */
    public PapCode code() {
        return code;
    }

    /**
     * The state of a push to one address from the states of its SMS parts: delivered when every
     * part is, otherwise the first of undeliverable, expired, cancelled that a part is in, otherwise
     * pending. A part handed to the SMSC (SUBMITTED) is still pending until its receipt says more.
     */
    public static PushState of(Collection<MessageState> parts) {
        return of(parts, true);
    }

    /**
     * As {@link #of(Collection)}; without receipts awaited (the push asked for no notification, so none was
     * requested from the SMSC) a part the SMSC accepted counts as delivered: handed to the network, as an
     * unconfirmed push over SMS is (PAP-WAP.md 1.5).
     */
    public static PushState of(Collection<MessageState> parts, boolean receiptsAwaited) {
        if (!receiptsAwaited) {
            parts = parts.stream().map(s -> s == MessageState.SUBMITTED ? MessageState.DELIVERED : s).toList();
        }
        if (parts.isEmpty()) {
            return UNKNOWN;
        }
        if (parts.stream().allMatch(s -> s == MessageState.DELIVERED)) {
            return DELIVERED;
        }
        if (parts.contains(MessageState.FAILED)) {
            return UNDELIVERABLE;
        }
        if (parts.contains(MessageState.EXPIRED)) {
            return EXPIRED;
        }
        if (parts.contains(MessageState.DELETED)) {
            return CANCELLED;
        }
        return PENDING;
    }
}
