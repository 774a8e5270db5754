package org.openemg.rar.jca;

import java.util.List;
import org.openemg.rar.api.OutgoingSmppSettings;
import org.openemg.rar.api.SmscConnection;
import org.openemg.rar.api.SubmitRequest;

/** The handle an EJB holds between getConnection() and close(). */
public final class SmscConnectionHandle implements SmscConnection {

    private volatile SmscManagedConnection managed;

    SmscConnectionHandle(SmscManagedConnection managed) {
        this.managed = managed;
    }

    void associate(SmscManagedConnection newManaged) {
        this.managed = newManaged;
    }

    private OutgoingConnectors outgoing() {
        SmscManagedConnection current = managed;
        if (current == null) {
            throw new IllegalStateException("SMSC connection handle used after close()");
        }
        return current.outgoing();
    }

    @Override
    public void open(OutgoingSmppSettings settings) {
        outgoing().open(settings);
    }

    @Override
    public void shutdown(String connector) {
        outgoing().shutdown(connector);
    }

    @Override
    public void submit(String connector, List<SubmitRequest> batch) {
        outgoing().submit(connector, batch);
    }

    @Override
    public int boundCount(String connector) {
        return outgoing().boundCount(connector);
    }

    @Override
    public void close() {
        SmscManagedConnection current = managed;
        managed = null;
        if (current != null) {
            current.closed(this);
        }
    }
}
