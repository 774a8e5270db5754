package org.openemg.rar.api;

/** How the SMSC (or the link) answered one submit. */
public enum SubmitOutcome {
    /** submit_sm_resp with ESME_ROK: the SMSC id is known. */
    ACCEPTED,
    /** A temporary error (queue full, system error): retry after RETRYDELAY. */
    RETRY,
    /** ESME_RTHROTTLED: retry, the bind pauses. */
    THROTTLED,
    /** A permanent error: the message fails. */
    REJECTED,
    /** The bind was lost or never answered: the message goes back to the queue at once. */
    LINK_LOST
}
