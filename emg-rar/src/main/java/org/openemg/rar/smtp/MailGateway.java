package org.openemg.rar.smtp;

import java.util.List;
import java.util.Optional;
import org.openemg.core.message.AcceptOutcome;
import org.openemg.core.message.ClientIdentity;
import org.openemg.core.message.Options;
import org.openemg.core.message.Status;

/** What an incoming SMTP connector hands its mails to and checks AUTH with: the gateway, for one connector. */
public interface MailGateway {

    /**
     * The gateway's outcome once it committed what it kept; empty when it cannot take messages now.
     *
     * @throws org.openemg.core.message.GatewayException when the whole mail is refused
     */
    Optional<AcceptOutcome> receive(ClientIdentity client, List<Options> messages);

    /** False while the operator has paused SMTP: mails are answered 421 then. */
    default boolean takesMail() {
        return true;
    }

    /** OK, INVALID_LOGIN, ACCESS_DENIED, or UNSPECIFIED when the gateway cannot check now. */
    Status login(String user, String password, String remoteAddress);
}
