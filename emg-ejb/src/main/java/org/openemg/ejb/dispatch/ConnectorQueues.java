package org.openemg.ejb.dispatch;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Map;
import org.openemg.core.config.ConnectorConfig;
import org.openemg.core.flow.QueueDepths;
import org.openemg.ejb.config.ConfigurationInForce;

/**
 * The depth of each outgoing connector's queue, in memory, against its MAXQUEUESIZE: counted when parts are
 * accepted and when they settle, and recounted from the table at start and every half minute (a settlement
 * outside the dispatcher, a cancel say, is not counted on its own). Counters in memory need no EJB: each call through
 * one went through the container's interceptors, for every accepted request.
 */
@ApplicationScoped
public class ConnectorQueues {

    @Inject
    private ConfigurationInForce configuration;

    private final QueueDepths depths = new QueueDepths();

    /** Room for {@code parts} parts about to be committed; false when the connector's queue is full. */
    public boolean take(String connector, int parts) {
        int limit = configuration.current().connector(connector).map(ConnectorQueues::limit).orElse(0);
        return depths.take(connector, parts, limit);
    }

    public void committed(String connector, int parts) {
        depths.committed(connector, parts);
    }

    public void giveBack(String connector, int parts) {
        depths.giveBack(connector, parts);
    }

    public void settled(String connector, int parts) {
        depths.settled(connector, parts);
    }

    public void moved(String from, String to, int parts) {
        depths.settled(from, parts);
        depths.added(to, parts);
    }

    /** Parts queued or in flight to the connector now. */
    public int depth(String connector) {
        return depths.depth(connector);
    }

    public void recount(Map<String, Integer> inTable) {
        inTable.forEach(depths::recount);
    }

    private static int limit(ConnectorConfig connector) {
        return connector.intValue("MAXQUEUESIZE", 0);
    }
}
