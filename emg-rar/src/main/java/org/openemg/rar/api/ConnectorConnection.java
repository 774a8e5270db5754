package org.openemg.rar.api;

import java.util.List;
import org.openemg.core.config.ConnectorConfig;
import org.openemg.core.config.ServerConfig;

/**
 * The EJBs' handle on the connectors the adapter runs: outgoing ones that send (SMPP binds to an
 * SMSC) and incoming ones that clients connect to, which can also send to a bound client.
 */
public interface ConnectorConnection extends AutoCloseable {

    /** Whether the adapter runs connectors of this protocol and direction. */
    boolean runs(ConnectorConfig connector);

    /** Starts the named connector of the configuration, or restarts it when its settings changed. */
    void open(ServerConfig config, String connector);

    /** Stops a connector; its unanswered sends come back as LINK_LOST. */
    void shutdown(String connector);

    /**
     * Queues a batch for sending on the connector and returns at once. Every message gets exactly one
     * result through {@link GatewayListener#sendResults}; an unknown or unconnected connector answers LINK_LOST.
     */
    void send(String connector, List<OutgoingMessage> batch);

    /** Links of the connector that can take sends right now (bound binds that are not receivers). */
    int readyCount(String connector);

    /** Links configured and up, and windows in use, of the connector; {@link LinkFigures#NOT_RUNNING} when it does not run. */
    LinkFigures figures(String connector);

    /** Where the outgoing SMPP connectors report each submit_sm's time to its response, from now on. */
    void observe(SubmitLatencies latencies);

    @Override
    void close();
}
