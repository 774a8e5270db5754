package org.openemg.rar.jca;

import jakarta.resource.spi.UnavailableException;
import jakarta.resource.spi.endpoint.MessageEndpoint;
import jakarta.resource.spi.endpoint.MessageEndpointFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.openemg.rar.api.DeliverSmEvent;
import org.openemg.rar.api.GatewayListener;
import org.openemg.rar.api.SubmitResult;

/**
 * The bridge from adapter threads to the MDB. Results that arrive before the MDB is activated
 * (or while it is being redeployed) are held and handed over once it is there.
 */
final class ListenerEndpoint {

    private static final Logger LOG = Logger.getLogger(ListenerEndpoint.class.getName());

    private record Pending(String connector, List<SubmitResult> results) {
    }

    private volatile MessageEndpointFactory factory;
    private final List<Pending> pending = new ArrayList<>();

    void activate(MessageEndpointFactory newFactory) {
        factory = newFactory;
        List<Pending> held;
        synchronized (pending) {
            held = new ArrayList<>(pending);
            pending.clear();
        }
        held.forEach(p -> submitResults(p.connector(), p.results()));
    }

    void deactivate(MessageEndpointFactory old) {
        if (factory == old) {
            factory = null;
        }
    }

    void submitResults(String connector, List<SubmitResult> results) {
        MessageEndpointFactory current = factory;
        if (current == null) {
            hold(connector, results);
            return;
        }
        MessageEndpoint endpoint;
        try {
            endpoint = current.createEndpoint(null);
        } catch (UnavailableException e) {
            hold(connector, results);
            return;
        }
        try {
            ((GatewayListener) endpoint).submitResults(connector, results);
        } catch (RuntimeException e) {
            // the rows stay INFLIGHT and are requeued when their lease runs out: nothing is lost
            LOG.log(Level.WARNING, "recording " + results.size() + " submit results of " + connector + " failed", e);
        } finally {
            endpoint.release();
        }
    }

    /** ESME_RX_T_APPN: the SMSC keeps the deliver_sm and tries again later. */
    private static final int TRY_AGAIN_LATER = 0x64;

    int deliver(String connector, DeliverSmEvent event) {
        MessageEndpointFactory current = factory;
        if (current == null) {
            return TRY_AGAIN_LATER;
        }
        MessageEndpoint endpoint;
        try {
            endpoint = current.createEndpoint(null);
        } catch (UnavailableException e) {
            return TRY_AGAIN_LATER;
        }
        try {
            return ((GatewayListener) endpoint).deliver(connector, event);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "keeping a deliver_sm from " + connector + " failed; the SMSC will retry", e);
            return TRY_AGAIN_LATER;
        } finally {
            endpoint.release();
        }
    }

    private void hold(String connector, List<SubmitResult> results) {
        synchronized (pending) {
            pending.add(new Pending(connector, results));
        }
    }
}
