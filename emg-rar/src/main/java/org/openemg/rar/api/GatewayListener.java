package org.openemg.rar.api;

import java.util.List;
import java.util.Optional;
import org.openemg.core.message.AcceptOutcome;
import org.openemg.core.message.ClientIdentity;
import org.openemg.core.message.ClientRequest;
import org.openemg.core.message.MessageStatus;
import org.openemg.core.message.Options;
import org.openemg.core.message.Status;

/**
 * What the adapter's connectors hand to the gateway (the MDB in emg-ejb implements it). Every call
 * returns only after the gateway committed what it kept, so a connector answers its peer
 * (submit_sm_resp, deliver_sm_resp, an SMTP reply) only from the returned outcome.
 */
public interface GatewayListener {

    /**
     * Messages that arrived on a connector, one option bag each: from a client of an incoming
     * connector, or from an SMSC on an outgoing one (an MO message, or a receipt: MSGTYPE=5 with
     * SMSCID and MESSAGESTATE). One result per message, in order; a refusal of the whole call
     * throws {@link org.openemg.core.message.GatewayException} and keeps nothing.
     */
    AcceptOutcome receive(String connector, ClientIdentity client, List<Options> messages);

    /**
     * Requests of logged-in clients of an incoming connector that arrived together (SMPP submits), kept in
     * one transaction but decided each on its own: one outcome per request, in order, with one result per
     * message; a request refused as a whole has each of its messages refused with that status.
     */
    List<AcceptOutcome> receiveEach(String connector, List<ClientRequest> requests);

    /** Checks a client's login on an incoming connector (a bind, SMTP AUTH): OK, INVALID_LOGIN or ACCESS_DENIED. */
    Status login(String connector, String user, String password, String remoteAddress);

    /** Whether the connector's USERS names this user, so that a bind can tell an unknown user from a wrong password. */
    boolean knowsUser(String connector, String user);

    /** The state of a message {@code user} sent on {@code connector}; empty when there is none or it is another's. */
    Optional<MessageStatus> status(String connector, String user, long id);

    /** Deletes a message of the user's that is still queued (it ends DELETED); false when it is not queued or not theirs. */
    boolean cancel(String connector, String user, long id);

    /**
     * Replaces options of a one-part message of the user's that is still queued: MESSAGE (with CHARCODE, kept
     * in its data coding), VP, DELTIME and DLR, each only when {@code replacement} has it; false when the
     * message is not queued, not theirs, or would no longer fit one part.
     */
    boolean replace(String connector, String user, long id, Options replacement);

    /** Results of sends on a connector, grouped; called from the adapter's flusher, never per message. */
    void sendResults(String connector, List<SendResult> results);

    /**
     * A link of the connector came up (a bind to an SMSC, a client's receiver bind): what was parked because
     * nobody could take it (NO_RECEIVER) may go now. Called after the results the connector gave before it.
     */
    void linkUp(String connector);
}
