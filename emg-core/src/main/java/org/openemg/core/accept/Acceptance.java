package org.openemg.core.accept;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Predicate;
import org.openemg.core.config.ConnectorConfig;
import org.openemg.core.config.ServerConfig;
import org.openemg.core.config.User;
import org.openemg.core.message.ClientIdentity;
import org.openemg.core.message.ClientRequest;
import org.openemg.core.message.GatewayException;
import org.openemg.core.message.OptionNames;
import org.openemg.core.message.Options;
import org.openemg.core.message.Status;
import org.openemg.core.routing.ResolvedRoute;
import org.openemg.core.routing.RouteResolver;
import org.openemg.core.text.MessageSplitter;

/**
 * Decides what becomes of each message of one request (spec sections 2, 3 and 8), storing nothing.
 * What the whole request shares is decided once and a failure there refuses the request (a
 * {@link GatewayException}): nothing to send, the client, the options and body of the messages.
 * Addresses, blacklist and route are decided per recipient, and a failure there refuses only that
 * recipient ({@link AcceptDecision.Refused}).
 */
public final class Acceptance {

    private final ServerConfig config;
    private final Carriers carriers;
    private final RouteResolver routes;
    private final MessageSplitter splitter;

    /**
     * {@code carriesNow} tells the connectors that can carry messages on at this moment; {@code splitter}
     * should be shared by every request, so that concatenation references rotate per destination.
     */
    public Acceptance(ServerConfig config, Predicate<String> carriesNow, RouteResolver routes, MessageSplitter splitter) {
        this(config, Carriers.unlimited(carriesNow), routes, splitter);
    }

    /** {@code carriers} also tell which connectors send now and take room in their queues (MAXQUEUESIZE). */
    public Acceptance(ServerConfig config, Carriers carriers, RouteResolver routes, MessageSplitter splitter) {
        this.config = config;
        this.carriers = carriers;
        this.routes = routes;
        this.splitter = splitter;
    }

    /**
     * A request that carries its credentials as USERNAME and PASSWORD options (HTTP); every message
     * carries the same, so the first one's are read.
     */
    public List<AcceptDecision> decide(ConnectorConfig incoming, String remoteAddress, List<Options> messages, long now) {
        Options first = firstOf(messages);
        Client client = ClientAuthentication.authenticate(incoming, first.get(OptionNames.USERNAME),
                first.get(OptionNames.PASSWORD), remoteAddress);
        return decide(incoming, client, messages, now);
    }

    /** A request from a client the connector logged in itself (an SMPP bind, SMTP AUTH). */
    public List<AcceptDecision> decide(ConnectorConfig incoming, ClientIdentity identity, List<Options> messages, long now) {
        firstOf(messages);
        return decide(incoming, ClientAuthentication.identify(incoming, identity), messages, now);
    }

    /**
     * Requests that arrived together but stand alone (SMPP submits of one or more clients): a request
     * refused as a whole has each of its recipients refused with that status, and the others go on.
     */
    public List<List<AcceptDecision>> decideEach(ConnectorConfig incoming, List<ClientRequest> requests, long now) {
        List<List<AcceptDecision>> decisions = new ArrayList<>(requests.size());
        for (ClientRequest request : requests) {
            try {
                decisions.add(decide(incoming, request.client(), request.messages(), now));
            } catch (GatewayException refused) {
                AcceptDecision.Refused each = AcceptDecision.refused(refused);
                decisions.add(Collections.nCopies(Math.max(1, request.messages().size()), each));
            }
        }
        return decisions;
    }

    private static Options firstOf(List<Options> messages) {
        if (messages.isEmpty()) {
            throw GatewayException.invalidArgument(OptionNames.DESTADDR);
        }
        return messages.get(0);
    }

    private List<AcceptDecision> decide(ConnectorConfig incoming, Client client, List<Options> messages, long now) {
        // the body is checked once, before any recipient takes a concatenation reference
        PreparedMessage first = PreparedMessage.of(messages.get(0), incoming, client, now);
        splitter.count(first.options(), SplitSettings.of(incoming, null));
        List<AcceptDecision> decisions = new ArrayList<>(messages.size());
        for (int i = 0; i < messages.size(); i++) {
            PreparedMessage prepared = i == 0 ? first : PreparedMessage.of(messages.get(i), incoming, client, now);
            decisions.add(recipient(prepared, incoming, client));
        }
        return decisions;
    }

    private AcceptDecision recipient(PreparedMessage prepared, ConnectorConfig incoming, Client client) {
        Options message = prepared.options();
        ResolvedRoute route;
        List<String> carriersInOrder;
        try {
            RecipientAddresses.check(message);
            BlacklistScreening.screen(config.blacklist(), message);
            route = routes.resolve(config, incoming, client.user(), message);
            carriersInOrder = CarrierChoice.ordered(route, incoming, carriers);
        } catch (GatewayException refused) {
            return AcceptDecision.refused(refused);
        }
        String account = client.user().filter(User::chargeable).map(User::username).orElse(null);
        for (String outConnector : carriersInOrder) {
            message.set(OptionNames.OUTCONNECTOR, outConnector);
            // the user a route names goes with its first target only: a fallback reaches whoever is bound there
            message.set(OptionNames.OUTUSER, outConnector.equals(route.target()) ? route.targetUser().orElse(null) : null);
            ConnectorConfig outgoing = config.connector(outConnector).orElse(null);
            List<Options> parts = splitter.split(message, SplitSettings.of(incoming, outgoing));
            if (carriers.take(outConnector, parts.size())) {
                List<String> partners = new ArrayList<>(carriersInOrder);
                partners.remove(outConnector);
                return new AcceptDecision.Accepted(prepared, parts, outConnector, account, partners);
            }
        }
        return AcceptDecision.refused(new GatewayException(Status.QUEUE_FULL));
    }
}
