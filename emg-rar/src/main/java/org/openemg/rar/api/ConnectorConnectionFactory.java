package org.openemg.rar.api;

import jakarta.resource.Referenceable;
import jakarta.resource.ResourceException;
import java.io.Serializable;

/** Looked up by the EJBs at {@code java:/eis/emg/Connectors}. */
public interface ConnectorConnectionFactory extends Serializable, Referenceable {

    String JNDI_NAME = "java:/eis/emg/Connectors";

    ConnectorConnection getConnection() throws ResourceException;
}
