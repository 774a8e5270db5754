package org.openemg.core.accept;

import java.util.Optional;
import java.util.logging.Logger;
import org.openemg.core.config.ConnectorConfig;
import org.openemg.core.config.User;
import org.openemg.core.message.ClientIdentity;
import org.openemg.core.message.GatewayException;
import org.openemg.core.message.Status;

/**
 * Checks a client against the incoming connector's USERS file (spec section 2), the same way for an
 * HTTP request, an SMPP bind or SMTP AUTH: a connector without USERS is open to anyone; otherwise the
 * client needs a listed user and its password (3 Invalid login), and a user with ALLOWIPS logs in only
 * from those addresses (10 Access denied).
 */
public final class ClientAuthentication {

    private static final Logger LOG = Logger.getLogger(ClientAuthentication.class.getName());

    private ClientAuthentication() {
    }

    /** The answer to a login attempt: OK, INVALID_LOGIN or ACCESS_DENIED. */
    public static Status login(ConnectorConfig connector, String username, String password, String remoteAddress) {
        if (connector.users().isEmpty()) {
            return Status.OK;
        }
        if (username == null || password == null) {
            return Status.INVALID_LOGIN;
        }
        Optional<User> user = connector.users().get().find(username);
        if (user.isEmpty() || !user.get().passwordMatches(password)) {
            LOG.fine(() -> "invalid login for user " + username + " from " + remoteAddress + " on " + connector.name());
            return Status.INVALID_LOGIN;
        }
        return user.get().allowsIp(remoteAddress) ? Status.OK : Status.ACCESS_DENIED;
    }

    /** The client of a request that carries its own credentials (HTTP); a refusal refuses the request. */
    public static Client authenticate(ConnectorConfig connector, String username, String password, String remoteAddress) {
        Status status = login(connector, username, password, remoteAddress);
        if (status != Status.OK) {
            throw new GatewayException(status);
        }
        return new Client(connector.users().flatMap(users -> users.find(username)), remoteAddress);
    }

    /**
     * The client a connector logged in itself. Its user is looked up again because the USERS file may
     * have changed since the login, and so are its ALLOWIPS.
     */
    public static Client identify(ConnectorConfig connector, ClientIdentity identity) {
        if (connector.users().isEmpty()) {
            return new Client(Optional.empty(), identity.remoteAddress());
        }
        Optional<User> user = connector.users().get().find(identity.user());
        if (user.isEmpty()) {
            throw new GatewayException(Status.INVALID_LOGIN);
        }
        if (!user.get().allowsIp(identity.remoteAddress())) {
            throw new GatewayException(Status.ACCESS_DENIED);
        }
        return new Client(user, identity.remoteAddress());
    }
}
