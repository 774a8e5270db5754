package org.openemg.rar.api;

/** How the peer (or the link) answered one send. */
public enum SendOutcome {
    /** Taken: the peer's id for it is known (an SMSC's message_id). */
    ACCEPTED,
    /** Taken by a peer that gives no delivery reports (a mail server): the message is DELIVERED at once. */
    DELIVERED,
    /** A temporary error (queue full, system error): retry after RETRYDELAY. */
    RETRY,
    /** The peer throttles: retry, the link pauses. */
    THROTTLED,
    /** A permanent error: the message fails. */
    REJECTED,
    /** The link was lost or never answered: the message goes back to the queue at once. */
    LINK_LOST,
    /**
     * Nobody who could take it is bound (an incoming SMPP connector's client): the message waits in the queue
     * until the connector reports a link up ({@link GatewayListener#linkUp}).
     */
    NO_RECEIVER
}
