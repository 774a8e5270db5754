package org.openemg.rar.api;

import java.util.List;

/** The EJBs' handle on the adapter's outgoing SMPP connectors. */
public interface SmscConnection extends AutoCloseable {

    /** Starts (or restarts with new settings) the binds of an outgoing connector. */
    void open(OutgoingSmppSettings settings);

    /** Unbinds and forgets an outgoing connector; its unanswered submits come back as LINK_LOST. */
    void shutdown(String connector);

    /**
     * Queues a batch for sending; returns at once. Every request gets exactly one result through
     * {@link GatewayListener#submitResults}. An unknown or unbound connector answers LINK_LOST.
     */
    void submit(String connector, List<SubmitRequest> batch);

    /** Number of binds of the connector that are bound right now and take submits (not RECEIVER). */
    int boundCount(String connector);

    @Override
    void close();
}
