package org.openemg.rar.jca;

import jakarta.resource.spi.Activation;
import jakarta.resource.spi.ActivationSpec;
import jakarta.resource.spi.ResourceAdapter;
import org.openemg.rar.api.GatewayListener;

/** Activation of the gateway's MDB; it has no properties: there is one listener for all connectors. */
@Activation(messageListeners = GatewayListener.class)
public class GatewayActivationSpec implements ActivationSpec {

    private ResourceAdapter resourceAdapter;

    @Override
    public void validate() {
        // nothing to validate: no properties
    }

    @Override
    public ResourceAdapter getResourceAdapter() {
        return resourceAdapter;
    }

    @Override
    public void setResourceAdapter(ResourceAdapter ra) {
        this.resourceAdapter = ra;
    }
}
