package org.openemg.core.accept;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.openemg.core.accept.SampleGateway.CARRIES_NOW;
import static org.openemg.core.accept.SampleGateway.CONFIG;
import static org.openemg.core.accept.SampleGateway.connector;
import static org.openemg.core.accept.SampleGateway.options;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.openemg.core.message.ClientIdentity;
import org.openemg.core.message.ClientRequest;
import org.openemg.core.message.GatewayException;
import org.openemg.core.message.Options;
import org.openemg.core.message.RecipientResult;
import org.openemg.core.message.Status;
import org.openemg.core.routing.RouteResolver;
import org.openemg.core.text.ConcatReferences;
import org.openemg.core.text.MessageSplitter;

class AcceptanceTest {

    private static final long NOW = Instant.parse("2026-03-01T12:00:00Z").toEpochMilli();
    private static final String REMOTE = "192.0.2.7";

    private final Acceptance acceptance = new Acceptance(CONFIG, CARRIES_NOW, new RouteResolver(),
            new MessageSplitter(new ConcatReferences(0x1234)));

    /** One message per destination, each with the same other options, as /bin/send makes them. */
    private static List<Options> request(List<String> destinations, String... common) {
        List<Options> messages = new ArrayList<>();
        for (String destination : destinations) {
            messages.add(options(common).set("DESTADDR", destination));
        }
        return messages;
    }

    private static List<Options> asAlice(String... destinations) {
        return request(List.of(destinations), "USERNAME", "alice", "PASSWORD", "secret", "MESSAGE", "hello");
    }

    private List<AcceptDecision> decide(String connector, List<Options> messages) {
        return acceptance.decide(connector(connector), REMOTE, messages, NOW);
    }

    private static AcceptDecision.Accepted accepted(AcceptDecision decision) {
        return assertInstanceOf(AcceptDecision.Accepted.class, decision);
    }

    private static String outcome(AcceptDecision decision) {
        return decision instanceof AcceptDecision.Accepted a ? a.outConnector()
                : ((AcceptDecision.Refused) decision).statusText();
    }

    @Test
    void anAcceptedMessageIsStampedScheduledRoutedAndSplit() {
        List<Options> messages = request(List.of("4670123"), "USERNAME", "alice", "PASSWORD", "secret",
                "MESSAGE", "x".repeat(200), "DELTIME", "60", "VP", "3600", "PRIORITY", "2", "ID", "5");
        AcceptDecision.Accepted decision = accepted(decide("http-in", messages).get(0));

        assertEquals("table-out", decision.outConnector());
        assertEquals(new Schedule(NOW + 60_000, NOW + 3_600_000, 2), decision.message().schedule());
        Options message = decision.message().options();
        assertEquals("alice", message.get("USERNAME"));
        assertEquals(null, message.get("PASSWORD"));
        assertEquals(null, message.get("ID"));
        assertEquals("http-in", message.get("CONNECTOR"));
        assertEquals(REMOTE, message.get("REMOTEIP"));
        assertEquals("table-out", message.get("OUTCONNECTOR"));
        assertEquals("20260301130000", message.get("VP"));
        assertEquals(2, decision.parts().size());
        for (Options part : decision.parts()) {
            assertEquals("table-out", part.get("OUTCONNECTOR"));
            assertEquals("alice", part.get("USERNAME"));
            assertEquals(null, part.get("PASSWORD"));
            assertEquals("2", part.get("CONCATSMSMAX"));
        }
        assertEquals(RecipientResult.accepted(77, 2), decision.result(77));
    }

    @Test
    void theClientsOptionsAreLeftAsTheyWere() {
        List<Options> messages = asAlice("4670123");
        Options before = messages.get(0).copy();
        decide("http-in", messages);
        assertEquals(before, messages.get(0));
    }

    @Test
    void eachRecipientIsRefusedOrAcceptedOnItsOwn() {
        List<AcceptDecision> decisions = decide("http-in",
                asAlice("4670123", "x1", "46700000001", "4690123", "46700000002", "+4670456"));
        assertEquals(List.of("table-out", "Invalid argument: DESTADDR", "Blacklisted", "No route", "table-out",
                "table-out"), decisions.stream().map(AcceptanceTest::outcome).toList());
        assertEquals(List.of(0, 5, 14, 13, 0, 0), decisions.stream().map(d -> d instanceof AcceptDecision.Refused r
                ? r.status().code() : Status.OK.code()).toList());
        AcceptDecision.Refused refused = (AcceptDecision.Refused) decisions.get(1);
        assertEquals(new RecipientResult(Status.INVALID_ARGUMENT, "Invalid argument: DESTADDR", null, 0), refused.result());
    }

    @Test
    void aRefusedSourceAddressRefusesEveryRecipient() {
        List<AcceptDecision> decisions = decide("http-in", request(List.of("4670123", "4670456"),
                "USERNAME", "alice", "PASSWORD", "secret", "SOURCEADDR", "SPAMMER", "MESSAGE", "hi"));
        assertEquals(List.of("Blacklisted", "Blacklisted"), decisions.stream().map(AcceptanceTest::outcome).toList());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "nothing to send                 | http-in | ''                                       | 5 Invalid argument: DESTADDR",
        "no credentials                  | http-in | MESSAGE=hi                               | 3 Invalid login",
        "wrong password                  | http-in | USERNAME=alice PASSWORD=nope MESSAGE=hi  | 3 Invalid login",
        "not from ALLOWIPS               | http-in | USERNAME=carol PASSWORD=pw MESSAGE=hi    | 10 Access denied",
        "bad VP                          | open-in | VP=soon MESSAGE=hi                       | 5 Invalid argument: VP",
        "bad DLR                         | open-in | DLR=2 MESSAGE=hi                         | 5 Invalid argument: DLR",
        "bad PRIORITY                    | open-in | PRIORITY=7 MESSAGE=hi                    | 5 Invalid argument: PRIORITY",
        "body that is not hex            | open-in | CHARCODE=2 MESSAGE=zz                    | 5 Invalid argument: MESSAGE",
        "text outside its CHARCODE       | open-in | CHARCODE=1 MESSAGE=\u4e2d                | 5 Invalid argument: MESSAGE",
    })
    void aRequestLevelRefusalRefusesTheWholeRequest(String name, String connector, String common, String refusal) {
        List<String> destinations = common.isEmpty() ? List.of() : List.of("4670123", "x1", "46700000001");
        List<Options> messages = request(destinations, common.isEmpty() ? new String[0] : common.split("[ =]"));
        GatewayException e = assertThrows(GatewayException.class, () -> decide(connector, messages));
        assertEquals(refusal, e.status().code() + " " + e.statusText());
    }

    @Test
    void aBadBodyRefusesTheRequestBeforeAnyRecipientIsRouted() {
        List<Options> messages = request(List.of("x1", "46700000001", "4690123"), "USERNAME", "alice",
                "PASSWORD", "secret", "CHARCODE", "2", "MESSAGE", "zz");
        GatewayException e = assertThrows(GatewayException.class, () -> decide("http-in", messages));
        assertEquals("Invalid argument: MESSAGE", e.statusText());
    }

    @Test
    void theCredentialsOfTheFirstMessageAreTheRequests() {
        List<Options> messages = asAlice("4670123", "4670456");
        messages.get(1).set("USERNAME", "routed").set("PASSWORD", "pw");
        List<AcceptDecision> decisions = decide("http-in", messages);
        assertEquals("alice", accepted(decisions.get(1)).message().options().get("USERNAME"));
        assertEquals("table-out", accepted(decisions.get(1)).outConnector());
    }

    @ParameterizedTest(name = "{0} user={1} ROUTE={2} to {3} -> {4}")
    @CsvSource({
        // message ROUTE, only with ALLOWROUTE
        "route-in, alice, msg-out, 4670123, msg-out",
        "http-in, alice, msg-out, 4670123, table-out",
        "open-in, , msg-out, 4670123, msg-out",
        // user ROUTE beats connector ROUTE
        "route-in, routed, msg-out, 4670123, msg-out",
        "route-in, routed, , 4670123, user-out",
        "http-in, routed, , 4680123, user-out",
        // connector ROUTE beats the routing table
        "route-in, alice, , 4690123, conn-out",
        // routing table last; the first candidate that carries now
        "http-in, alice, , 4670123, table-out",
        "http-in, alice, , 4680123, table-out",
        "http-in, alice, , 4685123, msg-out",
        "http-in, alice, , 4650123, long-out",
        "open-in, , 'down-out,msg-out', 4670123, msg-out",
        "open-in, , fo, 4670123, msg-out",
        // nothing that carries now, or a route to nowhere known
        "http-in, alice, , 4690123, No route",
        "open-in, , down-out, 4670123, No route",
        "open-in, , nowhere, 4670123, No route",
        "open-in, , http-in, 4670123, No route",
    })
    void routePrecedence(String connector, String user, String route, String destination, String outcome) {
        String password = user == null ? null : user.equals("alice") ? "secret" : "pw";
        List<Options> messages = request(List.of(destination), "USERNAME", user, "PASSWORD", password,
                "ROUTE", route, "MESSAGE", "hi");
        assertEquals(outcome, outcome(decide(connector, messages).get(0)));
    }

    @ParameterizedTest(name = "{0} characters to {1} -> {2} parts")
    @CsvSource({
        "0, 4670123, 1",
        "160, 4670123, 1",
        "161, 4670123, 2",
        "306, 4670123, 2",
        "307, 4670123, 3",
        "161, 4650123, 2",
    })
    void partsAreCountedPerRecipient(int length, String destination, int parts) {
        List<Options> messages = request(List.of(destination, "x1", destination), "USERNAME", "alice",
                "PASSWORD", "secret", "MESSAGE", "a".repeat(length));
        List<AcceptDecision> decisions = decide("http-in", messages);
        assertEquals(parts, accepted(decisions.get(0)).parts().size());
        assertEquals(parts, accepted(decisions.get(2)).parts().size());
        assertInstanceOf(AcceptDecision.Refused.class, decisions.get(1));
    }

    @Test
    void concatenationFollowsTheOutgoingConnector() {
        List<Options> messages = request(List.of("4670123", "4650123"), "USERNAME", "alice", "PASSWORD", "secret",
                "MESSAGE", "a".repeat(161));
        List<AcceptDecision> decisions = decide("http-in", messages);
        assertEquals("050003340201", accepted(decisions.get(0)).parts().get(0).get("UDH"));
        assertEquals("06080412340201", accepted(decisions.get(1)).parts().get(0).get("UDH"));
    }

    @Test
    void consecutiveLongMessagesToOnePhoneGetDifferentReferences() {
        List<Options> messages = request(List.of("4670123", "4670123"), "USERNAME", "alice", "PASSWORD", "secret",
                "MESSAGE", "a".repeat(161));
        List<AcceptDecision> decisions = decide("http-in", messages);
        assertNotEquals(accepted(decisions.get(0)).parts().get(0).get("CONCATSMSREF"),
                accepted(decisions.get(1)).parts().get(0).get("CONCATSMSREF"));
    }

    @Test
    void textReadsByTheIncomingConnectorsDefault() {
        // one UCS2 part of 70 characters on the UTF-8 connector
        List<Options> messages = request(List.of("4670123"), "MESSAGE", "\u4e2d".repeat(70));
        assertEquals(1, accepted(decide("open-in", messages).get(0)).parts().size());
        assertEquals(2, accepted(decide("open-in", request(List.of("4670123"), "MESSAGE", "\u4e2d".repeat(71))).get(0))
                .parts().size());
    }

    @Test
    void aClientTheConnectorLoggedInNeedsNoPassword() {
        List<Options> messages = request(List.of("4670123"), "USERNAME", "alice", "PASSWORD", "secret", "MESSAGE", "hi");
        List<AcceptDecision> decisions = acceptance.decide(connector("smpp-in"),
                new ClientIdentity("routed", "10.0.0.9"), messages, NOW);
        AcceptDecision.Accepted decision = accepted(decisions.get(0));
        assertEquals("user-out", decision.outConnector());
        assertEquals("routed", decision.message().options().get("USERNAME"));
        assertEquals(null, decision.message().options().get("PASSWORD"));
        assertEquals("10.0.0.9", decision.message().options().get("REMOTEIP"));
        assertEquals("smpp-in", decision.message().options().get("CONNECTOR"));
    }

    @ParameterizedTest(name = "{0} from {1} -> {2}")
    @CsvSource({
        "gone, 10.0.0.9, 3",
        ", 10.0.0.9, 3",
        "carol, 192.0.2.1, 10",
    })
    void aClientTheConnectorLoggedInIsStillCheckedAgainstUsers(String user, String remote, int status) {
        GatewayException e = assertThrows(GatewayException.class, () -> acceptance.decide(connector("smpp-in"),
                new ClientIdentity(user, remote), asAlice("4670123"), NOW));
        assertEquals(status, e.status().code());
    }

    @Test
    void nothingToSendFromALoggedInClientIsRefusedToo() {
        GatewayException e = assertThrows(GatewayException.class, () -> acceptance.decide(connector("smpp-in"),
                new ClientIdentity("alice", REMOTE), List.of(), NOW));
        assertEquals("Invalid argument: DESTADDR", e.statusText());
    }

    @Test
    void theUserARouteNamesIsKeptAsOutUser() {
        AcceptDecision.Accepted decision = accepted(decide("http-in", asAlice("4612345")).get(0));

        assertEquals("smpp-in", decision.outConnector());
        assertEquals("bob", decision.message().options().get("OUTUSER"));
    }

    @Test
    void aClientCannotChooseTheOutUser() {
        List<Options> messages = asAlice("46701234567");
        messages.get(0).set("OUTUSER", "bob");

        AcceptDecision.Accepted decision = accepted(decide("http-in", messages).get(0));

        assertEquals(null, decision.message().options().get("OUTUSER"));
    }

    @Test
    void requestsThatArriveTogetherStandAlone() {
        ClientIdentity alice = new ClientIdentity("alice", REMOTE);
        List<ClientRequest> requests = List.of(
                new ClientRequest(alice, List.of(options("DESTADDR", "4670111", "MESSAGE", "a", "VP", "soon"))),
                new ClientRequest(alice, List.of(options("DESTADDR", "4670222", "MESSAGE", "b"))),
                new ClientRequest(new ClientIdentity("gone", REMOTE), List.of(options("DESTADDR", "4670333", "MESSAGE", "c"))));

        List<List<AcceptDecision>> decisions = acceptance.decideEach(connector("smpp-in"), requests, NOW);

        assertEquals("Invalid argument: VP", outcome(decisions.get(0).get(0)));
        assertEquals("table-out", outcome(decisions.get(1).get(0)));
        assertEquals("Invalid login", outcome(decisions.get(2).get(0)));
    }

    @Test
    void theAccountThatPaysIsTheClientsUserWhenItHasCredit() {
        List<Options> payers = request(List.of("4670123", "4670124"), "USERNAME", "payer", "PASSWORD", "pw", "MESSAGE", "hi");
        List<AcceptDecision> decisions = decide("http-in", payers);
        assertEquals("payer", accepted(decisions.get(0)).account());
        assertEquals("payer", accepted(decisions.get(1)).account());

        assertEquals(null, accepted(decide("http-in", asAlice("4670123")).get(0)).account(), "alice has no account");
        assertEquals(null, accepted(decide("open-in", request(List.of("4670123"), "MESSAGE", "hi")).get(0)).account(),
                "nobody logs in on a connector without USERS");
        assertEquals("payer", accepted(acceptance.decide(connector("smpp-in"), new ClientIdentity("payer", REMOTE),
                request(List.of("4670123"), "MESSAGE", "hi"), NOW).get(0)).account());
    }

    /** Every connector but down-out carries; those in {@code sending} send now; each queue holds {@code room} parts. */
    private static Carriers queues(Map<String, Integer> room, String... sending) {
        Set<String> bound = Set.of(sending);
        Map<String, Integer> left = new HashMap<>(room);
        return new Carriers() {
            @Override
            public boolean carries(String connector) {
                return CARRIES_NOW.test(connector);
            }

            @Override
            public boolean sendsNow(String connector) {
                return bound.contains(connector);
            }

            @Override
            public boolean take(String connector, int parts) {
                int free = left.getOrDefault(connector, Integer.MAX_VALUE);
                if (free < parts) {
                    return false;
                }
                left.put(connector, free - parts);
                return true;
            }
        };
    }

    private static List<AcceptDecision> decideWith(Carriers carriers, String route, String... destinations) {
        Acceptance withQueues = new Acceptance(CONFIG, carriers, new RouteResolver(),
                new MessageSplitter(new ConcatReferences(0x1234)));
        return withQueues.decide(connector("open-in"), REMOTE,
                request(List.of(destinations), "ROUTE", route, "MESSAGE", "hi"), NOW);
    }

    @Test
    void aFullQueueRefusesWithStatus12() {
        List<AcceptDecision> decisions = decideWith(queues(Map.of("msg-out", 2), "msg-out"), "msg-out",
                "4670001", "4670002", "4670003");
        assertEquals("msg-out", outcome(decisions.get(0)));
        assertEquals("msg-out", outcome(decisions.get(1)));
        AcceptDecision.Refused refused = assertInstanceOf(AcceptDecision.Refused.class, decisions.get(2));
        assertEquals(Status.QUEUE_FULL, refused.status());
        assertEquals(12, refused.status().code());
    }

    @Test
    void aFullQueueSendsTheMessageToTheRoutesFallback() {
        List<AcceptDecision> decisions = decideWith(queues(Map.of("msg-out", 1), "msg-out", "table-out"),
                "msg-out,table-out", "4670001", "4670002");
        assertEquals("msg-out", outcome(decisions.get(0)));
        assertEquals(List.of("table-out"), accepted(decisions.get(0)).partners());
        assertEquals("table-out", outcome(decisions.get(1)));
        assertEquals(List.of("msg-out"), accepted(decisions.get(1)).partners());
    }

    @Test
    void aGroupMemberThatCannotSendLeavesTheMessageToItsPartner() {
        List<AcceptDecision> decisions = decideWith(queues(Map.of(), "conn-out"), "msg-out,conn-out,user-out",
                "4670001");
        assertEquals("conn-out", outcome(decisions.get(0)));
        assertEquals(List.of("msg-out", "user-out"), accepted(decisions.get(0)).partners(),
                "the others, those that cannot send now in route order");
    }

    @Test
    void withNoMemberSendingTheFirstWaitsForItsBind() {
        List<AcceptDecision> decisions = decideWith(queues(Map.of()), "msg-out,conn-out", "4670001");
        assertEquals("msg-out", outcome(decisions.get(0)));
        assertEquals(List.of("conn-out"), accepted(decisions.get(0)).partners());
    }
}
