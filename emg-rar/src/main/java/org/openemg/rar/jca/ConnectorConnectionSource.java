package org.openemg.rar.jca;

import jakarta.resource.ResourceException;
import jakarta.resource.spi.ConnectionManager;
import javax.naming.Reference;
import org.openemg.rar.api.ConnectorConnection;
import org.openemg.rar.api.ConnectorConnectionFactory;

/** What {@code java:/eis/emg/Connectors} is bound to: allocates handles through the server's pool. */
public final class ConnectorConnectionSource implements ConnectorConnectionFactory {

    private static final long serialVersionUID = 1L;

    private final transient ConnectorManagedConnectionFactory factory;
    private final transient ConnectionManager manager;
    private Reference reference;

    ConnectorConnectionSource(ConnectorManagedConnectionFactory factory, ConnectionManager manager) {
        this.factory = factory;
        this.manager = manager;
    }

    @Override
    public ConnectorConnection getConnection() throws ResourceException {
        return (ConnectorConnection) manager.allocateConnection(factory, null);
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
