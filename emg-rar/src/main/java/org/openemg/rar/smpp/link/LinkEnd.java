package org.openemg.rar.smpp.link;

import java.time.Duration;
import java.util.List;

/**
 * The session's end of a link: which requests of the peer it takes and how it answers them, and what it
 * makes of the answers to its own windowed requests. Client and server differ only here: the client takes
 * deliver_sm and windows submit_sm; the server takes binds and submit_sm and windows deliver_sm.
 * enquire_link, unbind and generic_nack are the link's own business and never reach it.
 */
public interface LinkEnd<T> {

    /** Whether it takes requests with this command_id; the link answers the others generic_nack ESME_RINVCMDID. */
    boolean takes(int commandId);

    /**
     * A request it takes, on the reader thread.
     *
     * @return the response PDU, which the link writes and flushes once the input is drained; or null when
     *         the session answers later with {@link SmppLink#respond}
     */
    byte[] request(PduFrame request);

    /** The response (or generic_nack) to a request of the window, on the reader thread. */
    void answered(T request, PduFrame response);

    /** Requests of the window the peer left unanswered for the response timeout; they left the window. */
    void unanswered(List<T> requests);

    /** The reader found no more input buffered: the moment to hand on what it collected. */
    void drained();

    /**
     * How long the link waits, after answering the peer's unbind, for the peer to close the connection before it
     * closes it itself. Some clients (jSMPP's) lose an unbind_resp that is followed at once by the close.
     */
    default Duration peerUnbindGrace() {
        return Duration.ZERO;
    }

    /** The link closed (called once, from whichever thread saw it die), with the requests still in the window. */
    void lost(List<T> inFlight, String reason);
}
