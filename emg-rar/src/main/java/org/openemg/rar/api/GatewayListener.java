package org.openemg.rar.api;

import java.util.List;
import org.openemg.core.message.AcceptOutcome;
import org.openemg.core.message.ClientIdentity;
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

    /** Checks a client's login on an incoming connector (a bind, SMTP AUTH): OK, INVALID_LOGIN or ACCESS_DENIED. */
    Status login(String connector, String user, String password, String remoteAddress);

    /** Results of sends on a connector, grouped; called from the adapter's flusher, never per message. */
    void sendResults(String connector, List<SendResult> results);
}
