package org.openemg.ejb.accept;

import java.util.Optional;
import java.util.logging.Logger;
import org.openemg.core.config.ConnectorConfig;
import org.openemg.core.config.User;
import org.openemg.core.message.GatewayException;
import org.openemg.core.message.Status;

/** Checks a client's credentials and address against the connector's USERS file. */
final class ClientAuthentication {

    private static final Logger LOG = Logger.getLogger(ClientAuthentication.class.getName());

    private ClientAuthentication() {
    }

    /** The authenticated user; empty for a connector without USERS, which is open to anyone. */
    static Optional<User> authenticate(ConnectorConfig connector, String username, String password, String remoteIp) {
        if (connector.users().isEmpty()) {
            return Optional.empty();
        }
        if (username == null || password == null) {
            throw new GatewayException(Status.INVALID_LOGIN);
        }
        Optional<User> user = connector.users().get().find(username);
        if (user.isEmpty() || !user.get().passwordMatches(password)) {
            LOG.fine(() -> "invalid login for user " + username + " from " + remoteIp + " on " + connector.name());
            throw new GatewayException(Status.INVALID_LOGIN);
        }
        if (remoteIp != null && !user.get().allowsIp(remoteIp)) {
            throw new GatewayException(Status.ACCESS_DENIED);
        }
        return user;
    }
}
