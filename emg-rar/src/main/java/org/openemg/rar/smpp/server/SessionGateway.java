package org.openemg.rar.smpp.server;

import java.util.List;
import java.util.Optional;
import org.openemg.core.message.AcceptOutcome;
import org.openemg.core.message.ClientRequest;
import org.openemg.core.message.MessageStatus;
import org.openemg.core.message.Options;
import org.openemg.core.message.Status;

/** What an incoming SMPP connector's sessions ask of the gateway, for the connector they run on. */
public interface SessionGateway {

    /** OK, INVALID_LOGIN, ACCESS_DENIED, or UNSPECIFIED when the gateway cannot check it now. */
    Status login(String user, String password, String remoteAddress);

    boolean knowsUser(String user);

    /** One outcome per request after the commit; empty when the gateway cannot take them now. */
    Optional<List<AcceptOutcome>> receiveEach(List<ClientRequest> requests);

    Optional<MessageStatus> status(String user, long id);

    boolean cancel(String user, long id);

    boolean replace(String user, long id, Options replacement);
}
