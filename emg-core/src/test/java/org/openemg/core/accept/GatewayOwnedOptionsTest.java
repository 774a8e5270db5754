package org.openemg.core.accept;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.openemg.core.accept.SampleGateway.connector;
import static org.openemg.core.accept.SampleGateway.options;
import static org.openemg.core.accept.SampleGateway.user;

import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.openemg.core.message.Options;

class GatewayOwnedOptionsTest {

    private static Options fromClient() {
        return options("USERNAME", "alice", "PASSWORD", "secret", "DESTADDR", "4670", "MESSAGE", "hi",
                "ID", "7000000000000001", "STATUS", "DELIVERED", "SMSCID", "abc", "ROUTE", "msg-out",
                "ROUTEDLR", "msg-out", "CONNECTOR", "elsewhere", "REMOTEIP", "203.0.113.1");
    }

    @Test
    void dropsWhatOnlyTheGatewaySetsAndStampsItsOwn() {
        Options stamped = GatewayOwnedOptions.stamp(fromClient(), connector("http-in"),
                new Client(user("alice"), "192.0.2.7"));
        assertEquals(Map.of("USERNAME", "alice", "DESTADDR", "4670", "MESSAGE", "hi", "CONNECTOR", "http-in",
                "REMOTEIP", "192.0.2.7"), stamped.asMap());
    }

    @Test
    void keepsRouteAndRouteDlrWhereTheConnectorAllowsRoute() {
        Options stamped = GatewayOwnedOptions.stamp(fromClient(), connector("route-in"),
                new Client(user("alice"), "192.0.2.7"));
        assertEquals("msg-out", stamped.get("ROUTE"));
        assertEquals("msg-out", stamped.get("ROUTEDLR"));
        assertEquals(null, stamped.get("PASSWORD"));
        assertEquals("route-in", stamped.get("CONNECTOR"));
    }

    @Test
    void theUsernameIsTheAuthenticatedUsersNotTheClaimedOne() {
        Options claimed = options("USERNAME", "admin", "DESTADDR", "4670");
        assertEquals("bob", GatewayOwnedOptions.stamp(claimed, connector("http-in"),
                new Client(user("bob"), "192.0.2.7")).get("USERNAME"));
        Options anonymous = GatewayOwnedOptions.stamp(claimed, connector("open-in"),
                new Client(Optional.empty(), "192.0.2.7"));
        assertEquals(false, anonymous.has("USERNAME"));
    }

    @Test
    void anUnknownRemoteAddressLeavesRemoteIpOut() {
        Options stamped = GatewayOwnedOptions.stamp(fromClient(), connector("open-in"), new Client(Optional.empty(), null));
        assertEquals(false, stamped.has("REMOTEIP"));
    }

    @Test
    void theClientsOptionsAreNotChanged() {
        Options original = fromClient();
        GatewayOwnedOptions.stamp(original, connector("http-in"), new Client(user("alice"), "192.0.2.7"));
        assertEquals(fromClient(), original);
    }
}
