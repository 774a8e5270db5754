package org.openemg.web.http;

import jakarta.ejb.EJBException;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.openemg.core.config.ConnectorConfig;
import org.openemg.core.flow.ConnectorPaces;
import org.openemg.core.message.AcceptOutcome;
import org.openemg.core.message.GatewayException;
import org.openemg.core.message.MessageStatus;
import org.openemg.core.message.OptionNames;
import org.openemg.core.message.Options;
import org.openemg.core.message.Status;
import org.openemg.ejb.accept.MessageService;
import org.openemg.ejb.config.IncomingConnectors;

/**
 * The incoming HTTP connector (spec section 3): turns {@code /bin/send} and {@code /bin/status}
 * requests into calls of {@link MessageService} and the results into replies of the requested
 * {@link ResponseFormat}. Plain Java so it is tested without a container; the JAX-RS resource
 * only hands over the raw request.
 * <p>
 * A port that is no incoming HTTP connector's answers 404 in plain text. A refusal of the whole
 * request ({@link GatewayException}, also when the EJB container wrapped it) answers the status's
 * HTTP code with one result; anything else is status 1, HTTP 500, logged once. A connector with
 * THROUGHPUT answers later rather than faster than its rate.
 */
public final class HttpConnector {

    private static final String PROTOCOL = "HTTP";
    private static final Logger LOG = Logger.getLogger(HttpConnector.class.getName());
    private static final String PLAIN_TEXT = "text/plain;charset=UTF-8";

    private final MessageService messages;
    private final IncomingConnectors connectors;
    private final ConnectorPaces paces = new ConnectorPaces();
    private final BooleanSupplier paused;

    public HttpConnector(MessageService messages, IncomingConnectors connectors) {
        this(messages, connectors, () -> false);
    }

    /** @param paused whether the operator paused sending over HTTP: {@code /bin/send} answers 503, status 12, then */
    public HttpConnector(MessageService messages, IncomingConnectors connectors, BooleanSupplier paused) {
        this.messages = messages;
        this.connectors = connectors;
        this.paused = paused;
    }

    /**
     * {@code /bin/send}: query parameters first, then those of the body (null for GET), both
     * {@code application/x-www-form-urlencoded}.
     */
    public Reply send(ResponseFormat format, int localPort, String remoteIp, String rawQuery, InputStream body,
                      String authorization) {
        String connector = null;
        try {
            Optional<ConnectorConfig> found = connectors.incoming(PROTOCOL, localPort);
            if (found.isEmpty()) {
                return noConnector(localPort);
            }
            connector = found.get().name();
            if (paused.getAsBoolean()) {
                return failure(format, Status.QUEUE_FULL, Status.QUEUE_FULL.text() + ": sending over HTTP is paused");
            }
            ParameterList parameters = new ParameterList();
            FormDecoder decoder = new FormDecoder();
            decoder.decode(rawQuery, parameters);
            if (body != null) {
                decoder.decode(body, parameters);
            }
            List<Options> batch = SendRequest.messages(parameters, found.get().defaultCharcodeUtf8(),
                    BasicCredentials.parse(authorization));
            // THROUGHPUT is soft: a request beyond the rate waits for its slots, none is refused
            paces.of(found.get()).await(ConnectorPaces.paced(batch));
            AcceptOutcome outcome = messages.accept(connector, remoteIp, batch);
            return new Reply(Status.OK.httpStatus(), format.mediaType(), format.outcome(outcome));
        } catch (IOException e) {
            // The client went away while sending the body: nobody reads the answer, nothing to alarm about.
            LOG.log(Level.FINE, "Reading the request body from {0} failed: {1}", new Object[] {remoteIp, e});
            return failure(format, Status.UNSPECIFIED, Status.UNSPECIFIED.text());
        } catch (RuntimeException e) {
            return refusal(format, e, connector, remoteIp);
        }
    }

    /**
     * {@code /bin/status?ID=..}: the state and the last DLR of a message of the client's own (USERNAME and
     * PASSWORD, or HTTP Basic, as for {@code /bin/send}); 400 for a missing or malformed id, 401 for a bad
     * login. Another user's message answers exactly as an unknown id (404, status 5), so that nobody learns
     * which ids exist.
     */
    public Reply status(ResponseFormat format, int localPort, String remoteIp, String rawQuery, String authorization) {
        String connector = null;
        try {
            Optional<ConnectorConfig> found = connectors.incoming(PROTOCOL, localPort);
            if (found.isEmpty()) {
                return noConnector(localPort);
            }
            connector = found.get().name();
            ParameterList parameters = new ParameterList();
            new FormDecoder().decode(rawQuery, parameters);
            long id = messageId(parameters.last(OptionNames.ID));
            String badId = Status.INVALID_ARGUMENT.text() + ": " + OptionNames.ID;
            if (id < 0) {
                return failure(format, Status.INVALID_ARGUMENT, badId);
            }
            String username = parameters.last(OptionNames.USERNAME);
            String password = parameters.last(OptionNames.PASSWORD);
            if (username == null) {
                Optional<BasicCredentials> basic = BasicCredentials.parse(authorization);
                username = basic.map(BasicCredentials::username).orElse(null);
                password = basic.map(BasicCredentials::password).orElse(null);
            } else {
                username = ParameterText.text(username);
                password = password == null ? null : ParameterText.text(password);
            }
            Optional<MessageStatus> message = messages.status(connector, remoteIp, username, password, id);
            if (message.isEmpty()) {
                return new Reply(404, format.mediaType(), format.failure(Status.INVALID_ARGUMENT, badId));
            }
            return new Reply(Status.OK.httpStatus(), format.mediaType(),
                    format.message(message.get(), messages.lastReport(id), messages.balanceOfSender(id)));
        } catch (RuntimeException e) {
            return refusal(format, e, connector, remoteIp);
        }
    }

    private static Reply noConnector(int localPort) {
        return new Reply(404, PLAIN_TEXT, "No incoming HTTP connector on port " + localPort + "\n");
    }

    private static Reply refusal(ResponseFormat format, RuntimeException e, String connector, String remoteIp) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof GatewayException refused) {
                return failure(format, refused.status(), refused.statusText());
            }
        }
        String what = "Request on connector " + connector + " from " + remoteIp + " failed";
        if (e instanceof EJBException) {
            // WildFly has logged this system exception with its stack trace already.
            LOG.log(Level.FINE, what, e);
        } else {
            LOG.log(Level.SEVERE, what, e);
        }
        return failure(format, Status.UNSPECIFIED, Status.UNSPECIFIED.text());
    }

    private static Reply failure(ResponseFormat format, Status status, String statusText) {
        return new Reply(status.httpStatus(), format.mediaType(), format.failure(status, statusText));
    }

    /** The id as a number, or -1 when it is absent or not a decimal 64-bit id (spec section 1). */
    private static long messageId(String value) {
        if (value == null || value.isEmpty()) {
            return -1;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
        }
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
