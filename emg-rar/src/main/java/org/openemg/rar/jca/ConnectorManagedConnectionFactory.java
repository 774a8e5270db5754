package org.openemg.rar.jca;

import jakarta.resource.ResourceException;
import jakarta.resource.spi.ConnectionDefinition;
import jakarta.resource.spi.ConnectionManager;
import jakarta.resource.spi.ConnectionRequestInfo;
import jakarta.resource.spi.ManagedConnection;
import jakarta.resource.spi.ManagedConnectionFactory;
import jakarta.resource.spi.ResourceAdapter;
import jakarta.resource.spi.ResourceAdapterAssociation;
import java.io.PrintWriter;
import java.util.Set;
import javax.security.auth.Subject;
import org.openemg.rar.api.ConnectorConnection;
import org.openemg.rar.api.ConnectorConnectionFactory;

/** Outbound side of the adapter: hands the EJBs connection handles onto the adapter's outgoing connectors. */
@ConnectionDefinition(connectionFactory = ConnectorConnectionFactory.class, connectionFactoryImpl = ConnectorConnectionSource.class,
        connection = ConnectorConnection.class, connectionImpl = ConnectorConnectionHandle.class)
public class ConnectorManagedConnectionFactory implements ManagedConnectionFactory, ResourceAdapterAssociation {

    private static final long serialVersionUID = 1L;

    private transient GatewayResourceAdapter resourceAdapter;
    private transient PrintWriter logWriter;

    @Override
    public Object createConnectionFactory(ConnectionManager manager) {
        return new ConnectorConnectionSource(this, manager);
    }

    @Override
    public Object createConnectionFactory() throws ResourceException {
        throw new ResourceException("the connector connection factory runs inside the application server only");
    }

    @Override
    public ManagedConnection createManagedConnection(Subject subject, ConnectionRequestInfo info) {
        return new ConnectorManagedConnection(resourceAdapter);
    }

    @Override
    public ManagedConnection matchManagedConnections(Set connections, Subject subject, ConnectionRequestInfo info) {
        for (Object candidate : connections) {
            if (candidate instanceof ConnectorManagedConnection managed) {
                return managed;
            }
        }
        return null;
    }

    @Override
    public void setLogWriter(PrintWriter out) {
        this.logWriter = out;
    }

    @Override
    public PrintWriter getLogWriter() {
        return logWriter;
    }

    @Override
    public ResourceAdapter getResourceAdapter() {
        return resourceAdapter;
    }

    @Override
    public void setResourceAdapter(ResourceAdapter ra) {
        this.resourceAdapter = (GatewayResourceAdapter) ra;
    }

    // every managed connection reaches the same adapter, so all factories are interchangeable
    @Override
    public boolean equals(Object o) {
        return o instanceof ConnectorManagedConnectionFactory;
    }

    @Override
    public int hashCode() {
        return ConnectorManagedConnectionFactory.class.hashCode();
    }
}
