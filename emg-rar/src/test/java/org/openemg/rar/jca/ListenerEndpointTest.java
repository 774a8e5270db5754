package org.openemg.rar.jca;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.resource.spi.InvalidPropertyException;
import jakarta.resource.spi.endpoint.MessageEndpoint;
import jakarta.resource.spi.endpoint.MessageEndpointFactory;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.transaction.xa.XAResource;
import org.junit.jupiter.api.Test;
import org.openemg.core.config.Protocol;
import org.openemg.core.message.Status;
import org.openemg.rar.api.GatewayListener;
import org.openemg.rar.api.SendOutcome;
import org.openemg.rar.api.SendResult;

class ListenerEndpointTest {

    /** An MDB as the container activates it: each call is recorded under the MDB's name. */
    private static final class Mdb implements MessageEndpointFactory {

        private final String name;
        private final List<String> calls;

        Mdb(String name, List<String> calls) {
            this.name = name;
            this.calls = calls;
        }

        @Override
        public MessageEndpoint createEndpoint(XAResource resource) {
            return (MessageEndpoint) Proxy.newProxyInstance(getClass().getClassLoader(),
                    new Class<?>[] {GatewayListener.class, MessageEndpoint.class}, (proxy, method, args) -> {
                        if (method.getDeclaringClass() == MessageEndpoint.class) {
                            return null;
                        }
                        calls.add(name + "." + method.getName());
                        return method.getName().equals("login") ? Status.OK : null;
                    });
        }

        @Override
        public MessageEndpoint createEndpoint(XAResource resource, long timeout) {
            return createEndpoint(resource);
        }

        @Override
        public boolean isDeliveryTransacted(Method method) {
            return false;
        }

        @Override
        public String getActivationName() {
            return name;
        }

        @Override
        public Class<?> getEndpointClass() {
            return GatewayListener.class;
        }
    }

    private final List<String> calls = new CopyOnWriteArrayList<>();
    private final ListenerEndpoint listener = new ListenerEndpoint();
    private final Mdb events = new Mdb("GatewayEvents", calls);
    private final Mdb smpp = new Mdb("SmppClients", calls);

    @Test
    void clientsOfAnIncomingConnectorGoToTheirProtocolsMdbEverythingElseToTheGatewaysOwn() {
        listener.activate(events, Optional.empty());
        listener.activate(smpp, Optional.of(Protocol.SMPP));
        listener.serveClients("smpp-in", Protocol.SMPP);

        assertEquals(Status.OK, listener.login("smpp-in", "acme", "secret", "127.0.0.1"));
        listener.record("smpp-in", List.of(new SendResult(1, SendOutcome.ACCEPTED, 0, null)));
        listener.linkUp("smpp-in");
        listener.login("smpp-out", "x", "y", "127.0.0.1");

        assertEquals(List.of("SmppClients.login", "GatewayEvents.sendResults", "GatewayEvents.linkUp",
                "GatewayEvents.login"), calls);
    }

    @Test
    void aStoppedProtocolRefusesItsClientsAndTakesThemAgainWhenActivated() {
        listener.activate(events, Optional.empty());
        listener.activate(smpp, Optional.of(Protocol.SMPP));
        listener.serveClients("smpp-in", Protocol.SMPP);
        listener.serveClients("smtp-in", Protocol.SMTP);

        listener.deactivate(smpp, Optional.of(Protocol.SMPP));
        assertFalse(listener.takesClients("smpp-in"));
        assertEquals(Status.UNSPECIFIED, listener.login("smpp-in", "acme", "secret", "127.0.0.1"));
        assertEquals(Optional.empty(), listener.receiveEach("smpp-in", List.of()));
        assertFalse(listener.takesClients("smtp-in"), "no SMTP MDB was ever activated");
        assertTrue(calls.isEmpty(), "nothing reached an MDB: " + calls);

        listener.activate(smpp, Optional.of(Protocol.SMPP));
        assertTrue(listener.takesClients("smpp-in"));
        assertEquals(Status.OK, listener.login("smpp-in", "acme", "secret", "127.0.0.1"));
        assertEquals(List.of("SmppClients.login"), calls);
    }

    @Test
    void submitLatenciesGoToTheObserverOnceOneIsSet() {
        List<String> seen = new CopyOnWriteArrayList<>();
        listener.answeredAfter("smpp-out", 5);
        listener.observe((connector, nanos) -> seen.add(connector + "=" + nanos));
        listener.answeredAfter("smpp-out", 7);
        assertEquals(List.of("smpp-out=7"), seen);
    }

    @Test
    void theActivationNamesAnIncomingProtocolOrNone() throws InvalidPropertyException {
        GatewayActivationSpec spec = new GatewayActivationSpec();
        spec.validate();
        assertEquals(Optional.empty(), spec.clientProtocol());
        spec.setClients("smtp");
        spec.validate();
        assertEquals(Optional.of(Protocol.SMTP), spec.clientProtocol());
        spec.setClients("FAX");
        assertThrows(InvalidPropertyException.class, spec::validate);
    }
}
