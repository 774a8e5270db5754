package org.openemg.ejb.outlet;

import jakarta.resource.ResourceException;
import java.util.ArrayList;
import java.util.List;
import org.openemg.core.config.ConnectorConfig;
import org.openemg.core.config.ServerConfig;
import org.openemg.core.message.OptionCodec;
import org.openemg.ejb.store.ClaimedPart;
import org.openemg.rar.api.ConnectorConnection;
import org.openemg.rar.api.ConnectorConnectionFactory;
import org.openemg.rar.api.OutgoingMessage;

/**
 * A connector the resource adapter runs (an outgoing SMPP connector's binds, an SMTP connector; later an incoming SMPP one's
 * bound clients): the adapter sends, results come back through its listener.
 */
final class AdapterOutlet implements Outlet {

    /**
     * Windows are refilled from memory while their answers are recorded: parts count as outstanding until their result's
     * commit, which shares a group with the acceptance of large requests, so 4 windows held 1,000-recipient POSTs to
     * 16,600 msg/s delivered of 25,800 accepted; 8 delivered 23,000-25,600 (bench/RESULTS.md, "Windows handed over").
     */
    private static final int WINDOWS_HANDED_OVER = 8;
    private static final int MIN_CAPACITY = 100;

    private final ConnectorConnectionFactory factory;
    private final String connector;
    private final int capacity;

    AdapterOutlet(ConnectorConnectionFactory factory, ServerConfig config, ConnectorConfig settings) {
        this.factory = factory;
        this.connector = settings.name();
        this.capacity = Math.max(MIN_CAPACITY, settings.instances() * settings.windowSize() * WINDOWS_HANDED_OVER);
        try (ConnectorConnection c = factory.getConnection()) {
            c.open(config, connector);
        } catch (ResourceException e) {
            throw new IllegalStateException("cannot reach the connectors' resource adapter", e);
        }
    }

    @Override
    public int capacity() {
        return capacity;
    }

    @Override
    public boolean ready() {
        try (ConnectorConnection c = factory.getConnection()) {
            return c.readyCount(connector) > 0;
        } catch (ResourceException e) {
            return false;
        }
    }

    @Override
    public void send(List<ClaimedPart> parts) {
        List<OutgoingMessage> batch = new ArrayList<>(parts.size());
        for (ClaimedPart part : parts) {
            batch.add(new OutgoingMessage(part.id(), OptionCodec.decode(part.options())));
        }
        try (ConnectorConnection c = factory.getConnection()) {
            c.send(connector, batch);
        } catch (ResourceException e) {
            // the rows stay INFLIGHT until their lease runs out, then are sent again
            throw new IllegalStateException("cannot hand " + parts.size() + " parts to " + connector, e);
        }
    }

    @Override
    public void close() {
        try (ConnectorConnection c = factory.getConnection()) {
            c.shutdown(connector);
        } catch (ResourceException | RuntimeException e) {
            // the adapter is going away with the deployment anyway
        }
    }
}
