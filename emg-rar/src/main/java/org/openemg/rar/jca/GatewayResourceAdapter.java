package org.openemg.rar.jca;

import jakarta.resource.ResourceException;
import jakarta.resource.spi.ActivationSpec;
import jakarta.resource.spi.BootstrapContext;
import jakarta.resource.spi.Connector;
import jakarta.resource.spi.ResourceAdapter;
import jakarta.resource.spi.ResourceAdapterInternalException;
import jakarta.resource.spi.TransactionSupport;
import jakarta.resource.spi.UnavailableException;
import java.time.Duration;
import java.util.Timer;
import jakarta.resource.spi.endpoint.MessageEndpointFactory;
import java.util.logging.Logger;
import javax.transaction.xa.XAResource;

/**
 * The gateway's resource adapter: owns every socket. The connectors it runs live in
 * {@link RunningConnectors}; what they hear goes to the activated {@link ListenerEndpoint}.
 */
@Connector(displayName = "EMG gateway connectors", vendorName = "openemg", eisType = "SMS",
        transactionSupport = TransactionSupport.TransactionSupportLevel.NoTransaction)
public class GatewayResourceAdapter implements ResourceAdapter {

    private static final Logger LOG = Logger.getLogger(GatewayResourceAdapter.class.getName());

    private final ListenerEndpoint listener = new ListenerEndpoint();
    private volatile RunningConnectors connectors;
    private volatile Timer timer;
    private volatile AdapterThreads threads;

    @Override
    public void start(BootstrapContext context) throws ResourceAdapterInternalException {
        try {
            timer = context.createTimer();
        } catch (UnavailableException e) {
            throw new ResourceAdapterInternalException("no timer from the application server", e);
        }
        int threadLimit = Integer.getInteger("emg.rar.threads", AdapterThreads.DEFAULT_LIMIT);
        threads = new AdapterThreads(threadLimit);
        connectors = new RunningConnectors(listener, threads, timer);
        LOG.info(() -> "EMG resource adapter started: its connectors run on at most " + threadLimit + " threads");
    }

    @Override
    public void stop() {
        RunningConnectors current = connectors;
        if (current != null) {
            current.shutdownAll();
        }
        if (timer != null) {
            timer.cancel();
        }
        if (threads != null) {
            threads.shutdown(Duration.ofSeconds(5));
        }
        LOG.info("EMG resource adapter stopped");
    }

    @Override
    public void endpointActivation(MessageEndpointFactory factory, ActivationSpec spec) throws ResourceException {
        listener.activate(factory, ((GatewayActivationSpec) spec).clientProtocol());
    }

    @Override
    public void endpointDeactivation(MessageEndpointFactory factory, ActivationSpec spec) {
        listener.deactivate(factory, ((GatewayActivationSpec) spec).clientProtocol());
    }

    @Override
    public XAResource[] getXAResources(ActivationSpec[] specs) {
        return new XAResource[0];
    }

    RunningConnectors connectors() {
        return connectors;
    }

    // IronJacamar rejects an adapter without equals/hashCode (IJ020056); there is one instance per deployment.
    @Override
    public boolean equals(Object o) {
        return this == o;
    }

    @Override
    public int hashCode() {
        return System.identityHashCode(this);
    }
}
