package org.openemg.core.accept;

import java.util.Optional;
import org.openemg.core.config.User;

/**
 * A client the incoming connector accepted: its user from the connector's USERS file (none on a
 * connector without USERS, which is open to anyone) and the address it connected from.
 */
public record Client(Optional<User> user, String remoteAddress) {
}
