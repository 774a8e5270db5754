package org.openemg.core.accept;

import java.util.Objects;
import java.util.Optional;
import org.openemg.core.config.ConnectorConfig;
import org.openemg.core.config.ServerConfig;
import org.openemg.core.config.User;
import org.openemg.core.config.UsersFile;

/**
 * Who may read a message's state (/bin/status, spec section 3): its own user, that is the same name in the
 * same users file, whichever connector of that file the message came in on; an ADMIN user of the asked
 * connector's file reads every message. On a connector without USERS, messages that came in there
 * without a user belong to every client of it alike, as for SMPP query_sm.
 */
public final class StatusReaders {

    private StatusReaders() {
    }

    /**
     * @param sentOn    the message's incoming connector
     * @param sentBy    the user it was accepted from, or null
     */
    public static boolean mayRead(ServerConfig config, ConnectorConfig asked, Client client, String sentOn, String sentBy) {
        Optional<UsersFile> askedUsers = asked.users();
        if (askedUsers.isEmpty()) {
            return asked.name().equals(sentOn) && sentBy == null;
        }
        Optional<User> user = client.user();
        if (user.isEmpty()) {
            return false;
        }
        if (user.get().admin()) {
            return true;
        }
        Optional<String> sentOnUsers = config.connector(sentOn).flatMap(ConnectorConfig::users).map(UsersFile::fileName);
        return user.get().username().equals(sentBy)
                && Objects.equals(sentOnUsers.orElse(null), askedUsers.get().fileName());
    }
}
