package org.openemg.rar.jca;

import jakarta.resource.spi.UnavailableException;
import jakarta.resource.spi.endpoint.MessageEndpoint;
import jakarta.resource.spi.endpoint.MessageEndpointFactory;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.openemg.rar.api.DeliverSmEvent;
import org.openemg.rar.api.GatewayListener;
import org.openemg.rar.api.SubmitResult;

/**
 * The bridge from adapter threads to the MDB. Submit results the MDB could not take (not activated
 * yet, redeploying, a failed transaction) are held and offered again with the next group that goes
 * through, so that an SMSC's acknowledgement is recorded rather than the part sent twice.
 */
final class ListenerEndpoint {

    private static final Logger LOG = Logger.getLogger(ListenerEndpoint.class.getName());
    /** Beyond this many held results the oldest are dropped: their parts are sent again after the lease. */
    private static final int MAX_HELD_RESULTS = 200_000;

    private record Held(String connector, List<SubmitResult> results) {
    }

    private final Object lock = new Object();
    private final Deque<Held> held = new ArrayDeque<>();
    private int heldResults;
    private MessageEndpointFactory factory;

    void activate(MessageEndpointFactory newFactory) {
        synchronized (lock) {
            factory = newFactory;
        }
        offerHeld();
    }

    void deactivate(MessageEndpointFactory old) {
        synchronized (lock) {
            if (factory == old) {
                factory = null;
            }
        }
    }

    void submitResults(String connector, List<SubmitResult> results) {
        if (deliver(connector, results)) {
            offerHeld();
        } else {
            hold(new Held(connector, results));
        }
    }

    int deliver(String connector, DeliverSmEvent event) {
        return call(listener -> listener.deliver(connector, event), GatewayListener.TRY_AGAIN_LATER,
                "keeping a deliver_sm from " + connector + " failed; the SMSC will offer it again");
    }

    private boolean deliver(String connector, List<SubmitResult> results) {
        return call(listener -> {
            listener.submitResults(connector, results);
            return true;
        }, false, "recording " + results.size() + " submit results of " + connector + " failed; they are held and offered again");
    }

    /** One call on an MDB instance; {@code unavailable} when there is none now or the call failed. */
    private <T> T call(Function<GatewayListener, T> work, T unavailable, String failure) {
        MessageEndpointFactory current;
        synchronized (lock) {
            current = factory;
        }
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
                LOG.severe("dropped " + dropped.results().size() + " held submit results of " + dropped.connector()
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
            if (!deliver(group.connector(), group.results())) {
                hold(group);
            }
        }
    }
}
