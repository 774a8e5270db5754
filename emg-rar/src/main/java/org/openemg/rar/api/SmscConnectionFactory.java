package org.openemg.rar.api;

import jakarta.resource.Referenceable;
import jakarta.resource.ResourceException;
import java.io.Serializable;

/** Looked up by the EJBs at {@code java:/eis/emg/Smsc}. */
public interface SmscConnectionFactory extends Serializable, Referenceable {

    SmscConnection getConnection() throws ResourceException;
}
