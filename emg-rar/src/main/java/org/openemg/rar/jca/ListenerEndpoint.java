package org.openemg.rar.jca;

import jakarta.resource.spi.UnavailableException;
import jakarta.resource.spi.endpoint.MessageEndpoint;
import jakarta.resource.spi.endpoint.MessageEndpointFactory;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.openemg.core.config.Protocol;
import org.openemg.core.message.AcceptOutcome;
import org.openemg.core.message.ClientIdentity;
import org.openemg.core.message.ClientRequest;
import org.openemg.core.message.GatewayException;
import org.openemg.core.message.MessageStatus;
import org.openemg.core.message.Options;
import org.openemg.core.message.Status;
import org.openemg.rar.api.GatewayListener;
import org.openemg.rar.api.SendResult;
import org.openemg.rar.api.SubmitLatencies;
import org.openemg.rar.work.SendResults;

/**
 * The bridge from adapter threads to the MDBs: the gateway's own (results, links up, an SMSC's receipts and MO)
 * and one per protocol for the requests of clients on incoming connectors, so that an operator can stop one
 * protocol's delivery; its clients are then refused with a temporary error, never dropped. Send results the
 * MDB could not take (not activated yet, redeploying, a failed transaction) are held and offered again with the
 * next group that goes through, so that a peer's acknowledgement is recorded rather than the part sent twice.
 */
final class ListenerEndpoint implements SendResults {

    private static final Logger LOG = Logger.getLogger(ListenerEndpoint.class.getName());
    /** Beyond this many held results the oldest are dropped: their parts are sent again after the lease. */
    private static final int MAX_HELD_RESULTS = 200_000;

    private record Held(String connector, List<SendResult> results) {
    }

    private final Object lock = new Object();
    private final Deque<Held> held = new ArrayDeque<>();
    private int heldResults;
    private MessageEndpointFactory factory;
    /** The MDB activated for each protocol's clients; absent while its delivery is stopped. */
    private final Map<Protocol, MessageEndpointFactory> clientFactories = new ConcurrentHashMap<>();
    /** The protocol of each incoming connector, whose clients' requests go to that protocol's MDB. */
    private final Map<String, Protocol> clientConnectors = new ConcurrentHashMap<>();
    private volatile SubmitLatencies latencies = SubmitLatencies.NONE;

    void activate(MessageEndpointFactory newFactory, Optional<Protocol> clients) {
        if (clients.isPresent()) {
            clientFactories.put(clients.get(), newFactory);
            LOG.info(() -> "requests of " + clients.get() + " clients are taken");
            return;
        }
        synchronized (lock) {
            factory = newFactory;
        }
        offerHeld();
    }

    void deactivate(MessageEndpointFactory old, Optional<Protocol> clients) {
        if (clients.isPresent()) {
            if (clientFactories.remove(clients.get(), old)) {
                LOG.info(() -> "requests of " + clients.get() + " clients are refused until their MDB is activated again");
            }
            return;
        }
        synchronized (lock) {
            if (factory == old) {
                factory = null;
            }
        }
    }

    /** The connector's clients are served by the MDB of {@code protocol}. */
    void serveClients(String connector, Protocol protocol) {
        clientConnectors.put(connector, protocol);
    }

    void stopServingClients(String connector) {
        clientConnectors.remove(connector);
    }

    /** Whether the connector's clients are taken now: false while their protocol's delivery is stopped. */
    boolean takesClients(String connector) {
        return clientFactoryOf(connector) != null;
    }

    void observe(SubmitLatencies observer) {
        latencies = observer;
    }

    @Override
    public void answeredAfter(String connector, long nanos) {
        latencies.answered(connector, nanos);
    }

    @Override
    public void record(String connector, List<SendResult> results) {
        if (recordNow(connector, results)) {
            offerHeld();
        } else {
            hold(new Held(connector, results));
        }
    }

    /**
     * What the gateway made of messages that arrived on a connector; empty when it cannot take them now
     * (not deployed, or the call failed), so that the connector answers with a temporary error. A refusal
     * of the whole call ({@link GatewayException}) is passed on to the connector to answer.
     */
    Optional<AcceptOutcome> receive(String connector, ClientIdentity client, List<Options> messages) {
        return Optional.ofNullable(call(connector, listener -> listener.receive(connector, client, messages), null,
                "keeping " + messages.size() + " messages from " + connector + " failed"));
    }

    /** What the gateway made of requests that arrived together; empty when it cannot take them now. */
    Optional<List<AcceptOutcome>> receiveEach(String connector, List<ClientRequest> requests) {
        return Optional.ofNullable(call(connector, listener -> listener.receiveEach(connector, requests), null,
                "keeping " + requests.size() + " requests from " + connector + " failed"));
    }

    /** Whether the connector knows the user; false when the gateway cannot tell now. */
    boolean knowsUser(String connector, String user) {
        return call(connector, listener -> listener.knowsUser(connector, user), false,
                "looking up a user of " + connector + " failed");
    }

    /** A message's state for its owner; empty also when the gateway cannot tell now. */
    Optional<MessageStatus> status(String connector, String user, long id) {
        return call(connector, listener -> listener.status(connector, user, id), Optional.empty(),
                "reading message " + id + " for " + connector + " failed");
    }

    /** Whether the message was cancelled; false also when the gateway cannot do it now. */
    boolean cancel(String connector, String user, long id) {
        return call(connector, listener -> listener.cancel(connector, user, id), false,
                "cancelling message " + id + " for " + connector + " failed");
    }

    /** Whether the message was replaced; false also when the gateway cannot do it now. */
    boolean replace(String connector, String user, long id, Options replacement) {
        return call(connector, listener -> listener.replace(connector, user, id, replacement), false,
                "replacing message " + id + " for " + connector + " failed");
    }

    /** A client's login; UNSPECIFIED when the gateway cannot check it now. */
    Status login(String connector, String user, String password, String remoteAddress) {
        return call(connector, listener -> listener.login(connector, user, password, remoteAddress), Status.UNSPECIFIED,
                "checking a login on " + connector + " failed");
    }

    /**
     * Tells the gateway a link of the connector is up, after the results held so far, so that what they park
     * is released too. When the gateway cannot take it now, the next bind tells it again.
     */
    @Override
    public void linkUp(String connector) {
        offerHeld();
        call(listener -> {
            listener.linkUp(connector);
            return true;
        }, false, "telling the gateway that a link of " + connector + " is up failed");
    }

    private boolean recordNow(String connector, List<SendResult> results) {
        return call(listener -> {
            listener.sendResults(connector, results);
            return true;
        }, false, "recording " + results.size() + " send results of " + connector + " failed; they are held and offered again");
    }

    /** A call for the connector: a client's request goes to its protocol's MDB, anything else to the gateway's. */
    private <T> T call(String connector, Function<GatewayListener, T> work, T unavailable, String failure) {
        if (clientConnectors.containsKey(connector)) {
            return call(clientFactoryOf(connector), work, unavailable, failure);
        }
        return call(work, unavailable, failure);
    }

    private MessageEndpointFactory clientFactoryOf(String connector) {
        Protocol protocol = clientConnectors.get(connector);
        return protocol == null ? null : clientFactories.get(protocol);
    }

    /** One call on an instance of the gateway's own MDB; {@code unavailable} when there is none now or the call failed. */
    private <T> T call(Function<GatewayListener, T> work, T unavailable, String failure) {
        MessageEndpointFactory current;
        synchronized (lock) {
            current = factory;
        }
        return call(current, work, unavailable, failure);
    }

    private <T> T call(MessageEndpointFactory current, Function<GatewayListener, T> work, T unavailable, String failure) {
        if (current == null) {
            return unavailable;
        }
        MessageEndpoint endpoint;
        try {
            endpoint = current.createEndpoint(null);
        } catch (UnavailableException e) {
            return unavailable;
        }
        try {
            return work.apply((GatewayListener) endpoint);
        } catch (GatewayException refused) {
            throw refused;
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, failure, e);
            return unavailable;
        } finally {
            endpoint.release();
        }
    }

    private void hold(Held group) {
        synchronized (lock) {
            held.addLast(group);
            heldResults += group.results().size();
            while (heldResults > MAX_HELD_RESULTS && held.size() > 1) {
                Held dropped = held.removeFirst();
                heldResults -= dropped.results().size();
                LOG.severe("dropped " + dropped.results().size() + " held send results of " + dropped.connector()
                        + "; those parts are queued again when their lease runs out");
            }
        }
    }

    private void offerHeld() {
        List<Held> retry;
        synchronized (lock) {
            if (held.isEmpty() || factory == null) {
                return;
            }
            retry = new ArrayList<>(held);
            held.clear();
            heldResults = 0;
        }
        for (Held group : retry) {
            if (!recordNow(group.connector(), group.results())) {
                hold(group);
            }
        }
    }
}
