package org.openemg.core.routing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.random.RandomGenerator;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.openemg.core.config.ConnectorConfig;
import org.openemg.core.config.FileSource;
import org.openemg.core.config.ServerConfig;
import org.openemg.core.config.ServerConfigReader;
import org.openemg.core.config.User;
import org.openemg.core.message.GatewayException;
import org.openemg.core.message.Options;
import org.openemg.core.message.Status;

class RouteResolverTest {

    private static final Map<String, String> FILES = Map.of(
            "users", String.join("\n",
                    "routed p ROUTE=user-out ROUTEDLR=dlr-out",
                    "plain p"),
            "routing", String.join("\n",
                    "smpp-out  smpp-in:acme           DESTADDR=4612345",
                    "*         rule-out               USERNAME=vip",
                    "*         rule-out,fo,backup     DESTADDR=+44",
                    "*         lb                     DESTADDR=/47\\d+/",
                    "*         fallback-out"));

    private static final ServerConfig CFG = ServerConfigReader.parse("server.cfg", String.join("\n",
            "ROUTING=routing",
            "CONNECTOR open-in <", "TYPE=INCOMING", "PROTOCOL=HTTP", "ALLOWROUTE", "USERS=users",
            "ROUTE=conn-out", ">",
            "CONNECTOR closed-in <", "TYPE=INCOMING", "PROTOCOL=HTTP", "ALLOWROUTE=NO", "USERS=users",
            "ROUTE=conn-out", ">",
            "CONNECTOR bare-in <", "TYPE=INCOMING", "PROTOCOL=HTTP", "USERS=users", ">",
            "CONNECTOR smpp-in <", "TYPE=INCOMING", "PROTOCOL=SMPP", ">",
            out("conn-out"), out("user-out"), out("msg-out"), out("rule-out"), out("fallback-out"),
            out("dlr-out"), out("a"), out("b"), out("c"), out("backup"),
            "CONNECTOR smpp-out <", "TYPE=OUTGOING", "PROTOCOL=SMPP", ">",
            "CONNECTORGROUP fo <", "TYPE=FAILOVER", "CONNECTOR=b", "CONNECTOR=a", ">",
            "CONNECTORGROUP lb <", "TYPE=LB", "CONNECTOR=a:1", "CONNECTOR=b:2", "CONNECTOR=c:1", ">"),
            fromMap());

    private static String out(String name) {
        return "CONNECTOR " + name + " <\nTYPE=OUTGOING\nPROTOCOL=SINK\n>";
    }

    private static FileSource fromMap() {
        return FILES::get;
    }

    /** Always draws {@code value} for a bounded int, to pick LB members deterministically. */
    private static RandomGenerator drawing(int value) {
        return new RandomGenerator() {
            @Override
            public long nextLong() {
                throw new UnsupportedOperationException();
            }

            @Override
            public int nextInt(int bound) {
                return value;
            }
        };
    }

    private static final RouteResolver RESOLVER = new RouteResolver(drawing(0));

    private static ConnectorConfig connector(String name) {
        return CFG.connector(name).orElseThrow();
    }

    private static Optional<User> user(String name) {
        return name == null ? Optional.empty() : connector("open-in").users().orElseThrow().find(name);
    }

    private static Options message(String route, String dest, String username) {
        Options o = new Options();
        o.set("ROUTE", route).set("DESTADDR", dest).set("USERNAME", username);
        return o;
    }

    @ParameterizedTest(name = "{0} user={1} ROUTE={2} -> {4}")
    @CsvSource({
        // message ROUTE honoured only with ALLOWROUTE
        "open-in, routed, msg-out, 4670, msg-out",
        "closed-in, routed, msg-out, 4670, user-out",
        "bare-in, routed, msg-out, 4670, user-out",
        // user ROUTE beats connector ROUTE
        "open-in, routed, , 4670, user-out",
        "open-in, plain, , 4670, conn-out",
        "closed-in, plain, msg-out, 4670, conn-out",
        "open-in, , , 4670, conn-out",
        // connector ROUTE beats the routing table
        "open-in, plain, , 447700, conn-out",
        // routing table last
        "bare-in, plain, , 447700, rule-out",
        "bare-in, plain, msg-out, 447700, rule-out",
        "bare-in, , , 4670, fallback-out",
        "smpp-out, , , +4612345999, smpp-in",
    })
    void precedence(String incoming, String user, String route, String dest, String target) {
        assertEquals(target, RESOLVER.resolve(CFG, connector(incoming), user(user), message(route, dest, user))
                .target());
    }

    @Test
    void usernameOptionFiltersRoutingRules() {
        Options vip = message(null, "4670", "vip");
        assertEquals("rule-out", RESOLVER.resolve(CFG, connector("bare-in"), Optional.empty(), vip).target());
    }

    @Test
    void keepsTheUserOfAnSmppInTarget() {
        ResolvedRoute route = RESOLVER.resolve(CFG, connector("smpp-out"), Optional.empty(),
                message(null, "4612345", null));
        assertEquals(new ResolvedRoute("smpp-in", List.of("smpp-in"),
                Optional.of("acme")), route);
        ResolvedRoute fromMessage = RESOLVER.resolve(CFG, connector("open-in"), Optional.empty(),
                message("smpp-in:zed", "1", null));
        assertEquals(Optional.of("zed"), fromMessage.targetUser());
    }

    @Test
    void expandsFailoverGroupsInOrderThenRuleFallbacks() {
        ResolvedRoute route = RESOLVER.resolve(CFG, connector("bare-in"), Optional.empty(),
                message(null, "+447700900123", null));
        assertEquals(new ResolvedRoute("rule-out", List.of("rule-out", "b", "a", "backup"), Optional.empty()),
                route);
    }

    @ParameterizedTest(name = "draw {0} -> {1}")
    @CsvSource({
        "0, a, a b c",
        "1, b, b a c",
        "2, b, b a c",
        "3, c, c a b",
    })
    void loadBalancesByWeight(int draw, String first, String order) {
        ResolvedRoute route = new RouteResolver(drawing(draw)).resolve(CFG, connector("bare-in"), Optional.empty(),
                message(null, "4712345", null));
        assertEquals(first, route.target());
        assertEquals(List.of(order.split(" ")), route.candidates());
    }

    @Test
    void defaultRandomSpreadsOverEveryLbMember() {
        RouteResolver resolver = new RouteResolver();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 500; i++) {
            seen.add(resolver.resolve(CFG, connector("open-in"), Optional.empty(), message("lb", "1", null))
                    .target());
        }
        assertEquals(Set.of("a", "b", "c"), seen);
    }

    @ParameterizedTest
    @CsvSource({
        "open-in, nowhere",
        "open-in, 'conn-out,nowhere'",
        "open-in, closed-in",
        "open-in, ':x'",
    })
    void unknownMessageRouteIsNoRoute(String incoming, String route) {
        GatewayException e = assertThrows(GatewayException.class, () -> RESOLVER.resolve(CFG,
                connector(incoming), Optional.empty(), message(route, "4670", null)));
        assertEquals(Status.NO_ROUTE, e.status());
        assertEquals(13, e.status().code());
    }

    @Test
    void nothingMatchingIsNoRoute() {
        ServerConfig bare = ServerConfigReader.parse("server.cfg",
                "CONNECTOR in <\nTYPE=INCOMING\nPROTOCOL=HTTP\n>\n" + out("out"), name -> null);
        GatewayException e = assertThrows(GatewayException.class, () -> RESOLVER.resolve(bare,
                bare.connector("in").orElseThrow(), Optional.empty(), message(null, "4670", null)));
        assertEquals(Status.NO_ROUTE, e.status());
    }

    @Test
    void dlrRoutesFollowTheSamePrecedenceWithoutTheTable() {
        assertEquals(Optional.of("dlr-out"), RESOLVER.resolveDlr(CFG, connector("bare-in"), user("routed"),
                message(null, "4670", null)).map(ResolvedRoute::target));
        Options withRouteDlr = message(null, "4670", null).set("ROUTEDLR", "a");
        assertEquals(Optional.of("a"), RESOLVER.resolveDlr(CFG, connector("open-in"), user("routed"),
                withRouteDlr).map(ResolvedRoute::target));
        assertEquals(Optional.of("dlr-out"), RESOLVER.resolveDlr(CFG, connector("closed-in"), user("routed"),
                withRouteDlr).map(ResolvedRoute::target));
        assertEquals(Optional.empty(), RESOLVER.resolveDlr(CFG, connector("bare-in"), user("plain"),
                message(null, "4670", null)));
    }
}
