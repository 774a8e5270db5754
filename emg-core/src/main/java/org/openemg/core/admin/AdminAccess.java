package org.openemg.core.admin;

import org.openemg.core.config.ConnectorConfig;
import org.openemg.core.config.ServerConfig;
import org.openemg.core.config.User;

/**
 * Who may use the admin API: a user of any users file of the running configuration whose password
 * matches; only one with ADMIN is let in. A name in several files is let in by any matching ADMIN entry.
 */
public enum AdminAccess {
    /** No user of that name with that password: HTTP 401. */
    UNKNOWN,
    /** A user, but without ADMIN: HTTP 403. */
    NOT_ADMIN,
    GRANTED;

    public static AdminAccess of(ServerConfig config, String username, String password) {
        AdminAccess access = UNKNOWN;
        for (ConnectorConfig connector : config.connectors()) {
            if (connector.users().isEmpty()) {
                continue;
            }
            User user = connector.users().get().find(username).orElse(null);
            if (user != null && user.passwordMatches(password)) {
                if (user.admin()) {
                    return GRANTED;
                }
                access = NOT_ADMIN;
            }
        }
        return access;
    }
}
