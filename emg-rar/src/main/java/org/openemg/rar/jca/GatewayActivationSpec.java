package org.openemg.rar.jca;

import jakarta.resource.spi.Activation;
import jakarta.resource.spi.ActivationSpec;
import jakarta.resource.spi.InvalidPropertyException;
import jakarta.resource.spi.ResourceAdapter;
import java.util.Locale;
import java.util.Optional;
import org.openemg.core.config.Protocol;
import org.openemg.rar.api.GatewayListener;

/**
 * Activation of one of the gateway's MDBs. Without {@code clients} it takes everything that is not a client's
 * request: send results, links up, an SMSC's receipts and MO. With {@code clients} (SMPP, SMTP) it takes the
 * requests of that protocol's clients on incoming connectors (binds, submits, queries, mails), so that stopping
 * its delivery pauses that protocol: the clients are refused with a temporary error until it starts again.
 */
@Activation(messageListeners = GatewayListener.class)
public class GatewayActivationSpec implements ActivationSpec {

    private ResourceAdapter resourceAdapter;
    private String clients;

    @Override
    public void validate() throws InvalidPropertyException {
        if (clientProtocol().isEmpty() && clients != null && !clients.isBlank()) {
            throw new InvalidPropertyException("clients must name an incoming protocol (SMPP, SMTP), not " + clients);
        }
    }

    public String getClients() {
        return clients;
    }

    public void setClients(String clients) {
        this.clients = clients;
    }

    /** The protocol whose clients this MDB takes; empty for the gateway's own events. */
    Optional<Protocol> clientProtocol() {
        if (clients == null || clients.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Protocol.valueOf(clients.strip().toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
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
