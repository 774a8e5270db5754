package org.openemg.ejb.store;

/**
 * A part that was in flight with no recorded result and went back to the queue: the SMSC may have taken it
 * already, so sending it again may deliver it twice, and the log names it.
 */
public record RequeuedPart(long messageId, long partId, String connector, String destAddr) {

    public String mayBeSentTwice() {
        return "message " + messageId + " (part " + partId + ") to " + destAddr + " on " + connector
                + " may have been sent twice: it was in flight with no result recorded";
    }
}
