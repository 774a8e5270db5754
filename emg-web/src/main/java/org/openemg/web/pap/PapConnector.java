package org.openemg.web.pap;

import jakarta.ejb.EJBException;
import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.openemg.core.config.ConnectorConfig;
import org.openemg.core.message.ClientIdentity;
import org.openemg.core.message.GatewayException;
import org.openemg.core.message.Options;
import org.openemg.core.message.Status;
import org.openemg.core.pap.BadMessageResponse;
import org.openemg.core.pap.CancelMessage;
import org.openemg.core.pap.PapAddress;
import org.openemg.core.pap.PapCode;
import org.openemg.core.pap.PapException;
import org.openemg.core.pap.PapRequest;
import org.openemg.core.pap.PapResponse;
import org.openemg.core.pap.PapVersion;
import org.openemg.core.pap.PpgIdentity;
import org.openemg.core.pap.PushMessage;
import org.openemg.core.pap.PushResponse;
import org.openemg.core.pap.PushSms;
import org.openemg.core.pap.StatusQueryMessage;
import org.openemg.ejb.accept.MessageService;
import org.openemg.ejb.config.IncomingConnectors;
import org.openemg.ejb.pap.PushOutcome;
import org.openemg.ejb.pap.PushService;
import org.openemg.ejb.store.PushedAddress;
import org.openemg.web.http.BasicCredentials;
import org.openemg.web.http.Reply;

/**
 * The incoming PAP connector (spec section 6): the gateway as a Push Proxy Gateway. Reads a PAP request,
 * hands a push-message to {@link PushService} as one SMS message per address, answers statusquery-message
 * and cancel-message from what became of the push, and writes the answer as a PPG does. Plain Java so it is
 * tested without a container; the JAX-RS resource only hands over the raw request.
 * <p>
 * HTTP codes are only for what is no PAP answer: 404 on a port that is no PAP connector's, 401/403 when the
 * connector has USERS and the push initiator did not log in. Every PAP answer is {@code application/xml},
 * 202 for pushes and unreadable requests (PAP has a PPG answer 202 even to what it cannot parse), 200 for
 * the answers to statusquery-message and cancel-message.
 */
public final class PapConnector {

    private static final String PROTOCOL = "PAP";
    private static final Logger LOG = Logger.getLogger(PapConnector.class.getName());
    private static final String PLAIN_TEXT = "text/plain;charset=UTF-8";
    private static final String XML = "application/xml;charset=UTF-8";
    private static final int ACCEPTED = 202;
    private static final int OK = 200;
    /** The columns that keep push-ids and address-values (emg_push_message). */
    private static final int MAX_STORED_CHARS = 255;

    private final MessageService messages;
    private final IncomingConnectors connectors;
    private final PushService pushes;
    private final Clock clock;
    /** WSP transaction ids of connectionless pushes: any value does, a counter tells pushes apart in traces. */
    private final AtomicInteger transactionIds = new AtomicInteger();

    public PapConnector(MessageService messages, IncomingConnectors connectors, PushService pushes, Clock clock) {
        this.messages = messages;
        this.connectors = connectors;
        this.pushes = pushes;
        this.clock = clock;
    }

    public Reply handle(PapCall call, InputStream body) {
        Optional<ConnectorConfig> found = connectors.incoming(PROTOCOL, call.localPort());
        if (found.isEmpty()) {
            return new Reply(404, PLAIN_TEXT, "No incoming PAP connector on port " + call.localPort() + "\n");
        }
        String connector = found.get().name();
        Login login = login(found.get(), call);
        if (login.refusal() != null) {
            return login.refusal();
        }
        PpgIdentity ppg = new PpgIdentity(call.url(), "openemg");
        Instant now = clock.instant();
        PapRequest request;
        try {
            // one octet more than allowed is enough to see a body is too large, without reading all of it
            byte[] octets = body.readNBytes(PapRequest.MAX_BODY_OCTETS + 1);
            request = PapRequest.parse(call.contentType(), octets);
        } catch (IOException e) {
            LOG.log(Level.FINE, "Reading a PAP request from {0} failed: {1}", new Object[] {call.remoteIp(), e});
            return xml(ACCEPTED, PapVersion.V1_0, new BadMessageResponse(PapCode.BAD_REQUEST, "Request body not read", ""));
        } catch (PapException e) {
            return xml(ACCEPTED, e.version(), e.response(ppg, now));
        }
        ClientIdentity client = new ClientIdentity(login.user(), call.remoteIp());
        try {
            if (request.message() instanceof PushMessage push) {
                return xml(ACCEPTED, request.version(), push(connector, client, request, push, ppg, now));
            }
            if (request.message() instanceof StatusQueryMessage query) {
                List<PushedAddress> pushed = pushes.addresses(connector, login.user(), query.pushId());
                return xml(OK, request.version(), StatusQueryAnswer.of(query, pushed));
            }
            if (request.message() instanceof CancelMessage cancel) {
                List<PushedAddress> pushed = pushes.addresses(connector, login.user(), cancel.pushId());
                Set<String> cancelled = pushes.cancel(connector, login.user(), cancel.pushId(), CancelAnswer.targets(cancel, pushed));
                return xml(OK, request.version(), CancelAnswer.of(cancel, pushed, cancelled));
            }
            return xml(ACCEPTED, request.version(), new BadMessageResponse(PapCode.BAD_REQUEST,
                    "A resultnotification-response answers the PPG's notification; it is no request", ""));
        } catch (RuntimeException e) {
            String what = "PAP request on connector " + connector + " from " + call.remoteIp() + " failed";
            // WildFly has logged an EJB's system exception with its stack trace already
            LOG.log(e instanceof EJBException ? Level.FINE : Level.SEVERE, what, e);
            PapResponse failure = request.message() instanceof PushMessage push
                    ? PushResponse.of(push.pushId(), PapCode.INTERNAL_SERVER_ERROR, now, ppg)
                    : new BadMessageResponse(PapCode.INTERNAL_SERVER_ERROR, PapCode.INTERNAL_SERVER_ERROR.description(), "");
            return xml(ACCEPTED, request.version(), failure);
        }
    }

    private PapResponse push(String connector, ClientIdentity client, PapRequest request, PushMessage push,
                             PpgIdentity ppg, Instant now) {
        if (push.pushId().length() > MAX_STORED_CHARS) {
            return new PushResponse(push.pushId(), PapCode.BAD_REQUEST, "push-id longer than " + MAX_STORED_CHARS
                    + " characters", now, ppg);
        }
        for (PapAddress address : push.addresses()) {
            if (address.value().length() > MAX_STORED_CHARS) {
                return new PushResponse(push.pushId(), PapCode.ADDRESS_ERROR, "address-value longer than "
                        + MAX_STORED_CHARS + " characters", now, ppg);
            }
        }
        List<Options> sms;
        try {
            sms = PushSms.of(request, transactionIds.getAndIncrement() & 0xFF, now);
        } catch (PapException e) {
            return e.response(ppg, now);
        }
        PushOutcome outcome;
        try {
            outcome = pushes.push(connector, client, push.pushId(), sms);
        } catch (RuntimeException e) {
            GatewayException refused = gatewayRefusal(e);
            if (refused == null) {
                throw e;
            }
            return new PushResponse(push.pushId(), RefusalCodes.of(refused.status(), refused.statusText()),
                    refused.statusText(), now, ppg);
        }
        if (outcome instanceof PushOutcome.Refused refused) {
            return new PushResponse(push.pushId(), RefusalCodes.of(refused.refusal().status(), refused.refusal().statusText()),
                    refused.refusal().statusText() + " (" + refused.address() + ")", now, ppg);
        }
        if (outcome instanceof PushOutcome.Duplicate) {
            return new PushResponse(push.pushId(), PapCode.DUPLICATE_PUSH_ID,
                    "A push with this push-id is still pending", now, ppg);
        }
        return PushResponse.of(push.pushId(), PapCode.ACCEPTED, now, ppg);
    }

    /** A refusal of the whole request, also when the EJB container wrapped it; null for any other failure. */
    private static GatewayException gatewayRefusal(RuntimeException e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof GatewayException refused) {
                return refused;
            }
        }
        return null;
    }

    /** The logged-in user (null on a connector without USERS), or the HTTP answer to a push initiator that did not log in. */
    private record Login(String user, Reply refusal) {
    }

    private Login login(ConnectorConfig connector, PapCall call) {
        if (connector.users().isEmpty()) {
            return new Login(null, null);
        }
        Optional<BasicCredentials> credentials;
        try {
            credentials = BasicCredentials.parse(call.authorization());
        } catch (GatewayException malformed) {
            credentials = Optional.empty();
        }
        if (credentials.isEmpty()) {
            return new Login(null, new Reply(401, PLAIN_TEXT, "Log in with HTTP Basic\n"));
        }
        Status status = messages.login(connector.name(), credentials.get().username(), credentials.get().password(),
                call.remoteIp());
        return switch (status) {
            case OK -> new Login(credentials.get().username(), null);
            case INVALID_LOGIN -> new Login(null, new Reply(401, PLAIN_TEXT, status.text() + "\n"));
            default -> new Login(null, new Reply(403, PLAIN_TEXT, status.text() + "\n"));
        };
    }

    private static Reply xml(int httpStatus, PapVersion version, PapResponse response) {
        return new Reply(httpStatus, XML, response.toXml(version));
    }
}
