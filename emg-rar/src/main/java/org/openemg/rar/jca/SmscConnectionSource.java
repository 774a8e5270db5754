package org.openemg.rar.jca;

import jakarta.resource.ResourceException;
import jakarta.resource.spi.ConnectionManager;
import javax.naming.Reference;
import org.openemg.rar.api.SmscConnection;
import org.openemg.rar.api.SmscConnectionFactory;

/** What {@code java:/eis/emg/Smsc} is bound to: allocates handles through the server's pool. */
public final class SmscConnectionSource implements SmscConnectionFactory {

    private static final long serialVersionUID = 1L;

    private final transient SmscManagedConnectionFactory factory;
    private final transient ConnectionManager manager;
    private Reference reference;

    SmscConnectionSource(SmscManagedConnectionFactory factory, ConnectionManager manager) {
        this.factory = factory;
        this.manager = manager;
    }

    @Override
    public SmscConnection getConnection() throws ResourceException {
        return (SmscConnection) manager.allocateConnection(factory, null);
    }

    @Override
    public void setReference(Reference reference) {
        this.reference = reference;
    }

    @Override
    public Reference getReference() {
        return reference;
    }
}
