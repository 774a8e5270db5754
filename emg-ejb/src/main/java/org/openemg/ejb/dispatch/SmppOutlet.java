package org.openemg.ejb.dispatch;

import jakarta.resource.ResourceException;
import java.util.ArrayList;
import java.util.List;
import org.openemg.core.message.OptionCodec;
import org.openemg.ejb.store.ClaimedPart;
import org.openemg.rar.api.OutgoingSmppSettings;
import org.openemg.rar.api.SmscConnection;
import org.openemg.rar.api.SmscConnectionFactory;
import org.openemg.rar.api.SubmitRequest;

/** An outgoing SMPP connector: the adapter's binds send, results come back through the MDB. */
final class SmppOutlet implements Outlet {

    private final SmscConnectionFactory factory;
    private final OutgoingSmppSettings settings;

    SmppOutlet(SmscConnectionFactory factory, OutgoingSmppSettings settings) {
        this.factory = factory;
        this.settings = settings;
        try (SmscConnection c = factory.getConnection()) {
            c.open(settings);
        } catch (ResourceException e) {
            throw new IllegalStateException("cannot reach the SMSC resource adapter", e);
        }
    }

    @Override
    public boolean ready() {
        try (SmscConnection c = factory.getConnection()) {
            return c.boundCount(settings.connector()) > 0;
        } catch (ResourceException e) {
            return false;
        }
    }

    @Override
    public void send(List<ClaimedPart> parts) {
        List<SubmitRequest> batch = new ArrayList<>(parts.size());
        for (ClaimedPart part : parts) {
            batch.add(new SubmitRequest(part.id(), OptionCodec.decode(part.options())));
        }
        try (SmscConnection c = factory.getConnection()) {
            c.submit(settings.connector(), batch);
        } catch (ResourceException e) {
            // the rows stay INFLIGHT until their lease runs out, then are sent again
            throw new IllegalStateException("cannot hand " + parts.size() + " parts to " + settings.connector(), e);
        }
    }

    @Override
    public void close() {
        try (SmscConnection c = factory.getConnection()) {
            c.shutdown(settings.connector());
        } catch (ResourceException | RuntimeException e) {
            // the adapter is going away with the deployment anyway
        }
    }
}
