package org.openemg.ejb.pap;

import java.util.List;
import java.util.Set;
import org.openemg.core.message.ClientIdentity;
import org.openemg.core.message.Options;
import org.openemg.ejb.store.PushedAddress;

/**
 * Where a PAP connector hands over WAP pushes and asks about them. A push is known by its connector, the
 * user that logged in (none on a connector without USERS) and its push-id; one call is one transaction.
 */
public interface PushService {

    /**
     * Accepts a push, one message per address (each with its PAP_ADDRESS), all or none: refused as a
     * duplicate while an earlier push with its push-id is pending, or when any address is refused.
     */
    PushOutcome push(String connector, ClientIdentity client, String pushId, List<Options> messages);

    /** The push's addresses and their messages' states; empty for a push-id not known. */
    List<PushedAddress> addresses(String connector, String user, String pushId);

    /**
     * Cancels the push for those of its addresses (address-values as the push gave them) whose messages
     * are still queued; returns the addresses cancelled.
     */
    Set<String> cancel(String connector, String user, String pushId, Set<String> addresses);
}
