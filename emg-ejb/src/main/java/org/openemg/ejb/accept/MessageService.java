package org.openemg.ejb.accept;

import java.util.List;
import java.util.Optional;
import org.openemg.core.config.ConnectorConfig;
import org.openemg.core.message.AcceptOutcome;
import org.openemg.core.message.MessageStatus;
import org.openemg.core.message.Options;

/**
 * Where every incoming connector hands over messages (ARCHITECTURE.md, step 1-2).
 * One call is one transaction: validate, authenticate, route, persist, commit; only then ids go back.
 */
public interface MessageService {

    /**
     * Accepts the messages of one request, one option bag per recipient, each carrying the request's
     * credentials (USERNAME, PASSWORD). A request-level failure (bad login, nothing to send) throws
     * {@link org.openemg.core.message.GatewayException} and keeps nothing; a recipient-level one
     * (bad DESTADDR, blacklisted) is a refused result in its place while the others are kept.
     */
    AcceptOutcome accept(String connector, String remoteIp, List<Options> messages);

    /** The incoming connector of the given protocol whose ADDRESS port is {@code port}. */
    Optional<ConnectorConfig> incomingConnector(String protocol, int port);

    /** The state of a message, for /bin/status; empty when no such id is stored. */
    Optional<MessageStatus> status(long id);
}
