package org.openemg.ejb.accept;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import org.openemg.core.message.AcceptOutcome;
import org.openemg.core.message.ClientIdentity;
import org.openemg.core.message.ClientRequest;
import org.openemg.core.message.LastReport;
import org.openemg.core.message.MessageStatus;
import org.openemg.core.message.Options;
import org.openemg.core.message.Status;

/**
 * Where every incoming connector hands over messages (ARCHITECTURE.md, step 1-2).
 * One call: validate, authenticate, route, charge, persist, commit (in the caller's transaction or one shared with
 * concurrent requests); only then ids go back.
 */
public interface MessageService {

    /**
     * Accepts the messages of one request, one option bag per recipient, each carrying the request's
     * credentials (USERNAME, PASSWORD). A request-level failure (bad login, nothing to send) throws
     * {@link org.openemg.core.message.GatewayException} and keeps nothing; a recipient-level one
     * (bad DESTADDR, blacklisted) is a refused result in its place while the others are kept. A user with an
     * account pays one credit per part stored, all or none: without enough credit the request is refused with
     * status 11 (Insufficient credit); otherwise the outcome carries the balance after the charge.
     */
    AcceptOutcome accept(String connector, String remoteIp, List<Options> messages);

    /**
     * As {@link #accept(String, String, List)} for a connector that logged its client in itself (an SMPP
     * bind, SMTP AUTH): {@code client} names the user it logged in, or none; USERNAME and PASSWORD options
     * of the messages are not credentials then.
     */
    AcceptOutcome accept(String connector, ClientIdentity client, List<Options> messages);

    /**
     * Requests of logged-in clients that arrived together (SMPP submits), stored in one transaction but each
     * decided on its own (and charged on its own): one outcome per request, a request refused as a whole with that
     * status for each of its messages (status 11 for those its account could not pay for).
     */
    List<AcceptOutcome> acceptEach(String connector, List<ClientRequest> requests);

    /**
     * Whether a client may log in on the connector (an SMPP bind, SMTP AUTH, PAP): OK, INVALID_LOGIN or
     * ACCESS_DENIED; INVALID_LOGIN also while its address is locked out after repeated bad logins.
     */
    Status login(String connector, String user, String password, String remoteAddress);

    /** The state of a message whoever sent it (for the gateway's own connectors); empty when no such id is stored. */
    Optional<MessageStatus> status(long id);

    /**
     * The state of a message for /bin/status on {@code connector}: the client logs in with the credentials
     * (a refusal throws {@link org.openemg.core.message.GatewayException}), and a message it may not read
     * ({@link org.openemg.core.accept.StatusReaders}) is as absent as an unknown id.
     */
    Optional<MessageStatus> status(String connector, String remoteIp, String username, String password, long id);

    /** The last delivery report of a message, for /bin/status beside its state; empty while none came. */
    Optional<LastReport> lastReport(long id);

    /** The balance of the account of the user who sent the message, for /bin/status; empty when that user has none. */
    Optional<BigDecimal> balanceOfSender(long id);
}
