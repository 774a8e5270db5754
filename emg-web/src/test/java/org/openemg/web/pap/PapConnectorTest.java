package org.openemg.web.pap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.ejb.EJBException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openemg.core.config.ServerConfig;
import org.openemg.core.config.ServerConfigReader;
import org.openemg.core.message.AcceptOutcome;
import org.openemg.core.message.ClientIdentity;
import org.openemg.core.message.ClientRequest;
import org.openemg.core.message.GatewayException;
import org.openemg.core.message.MessageState;
import org.openemg.core.message.LastReport;
import org.openemg.core.message.MessageStatus;
import org.openemg.core.message.Options;
import org.openemg.core.message.RecipientResult;
import org.openemg.core.message.Status;
import org.openemg.ejb.accept.MessageService;
import org.openemg.ejb.pap.PushOutcome;
import org.openemg.ejb.pap.PushService;
import org.openemg.ejb.store.PushedAddress;
import org.openemg.web.http.Reply;

class PapConnectorTest {

    private static final int PORT = 8080;
    private static final int USERS_PORT = 8081;
    private static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");
    private static final ServerConfig CONFIG = ServerConfigReader.parse("server.cfg", String.join("\n",
            "CONNECTOR pap-in <", "TYPE=INCOMING", "PROTOCOL=PAP", "ADDRESS=:" + PORT, ">",
            "CONNECTOR pap-users <", "TYPE=INCOMING", "PROTOCOL=PAP", "ADDRESS=:" + USERS_PORT, "USERS=users", ">"),
            name -> "pi\tsecret\nbarred\tsecret\n");
    private static final String PAP_2_0 = "<!DOCTYPE pap PUBLIC \"-//WAPFORUM//DTD PAP 2.0//EN\" \"http://www.wapforum.org/DTD/pap_2.0.dtd\">";
    private static final String A = "WAPPUSH=+46701234567/TYPE=PLMN@ppg.example.com";
    private static final String B = "WAPPUSH=+46707654321/TYPE=PLMN";
    private static final String BOUNDARY = "b0undary";
    private static final String MULTIPART = "multipart/related; boundary=" + BOUNDARY + "; type=\"application/xml\"";
    private static final String SI = "<si><indication href=\"http://www.example.com/\">You have mail</indication></si>";

    /** Logs in pi (barred is denied), knows the config's connectors. */
    private static final class FakeMessageService implements MessageService {

        @Override
        public AcceptOutcome accept(String connector, String remoteIp, List<Options> messages) {
            throw new UnsupportedOperationException("pushes go through the PushService");
        }

        @Override
        public AcceptOutcome accept(String connector, ClientIdentity client, List<Options> messages) {
            throw new UnsupportedOperationException("pushes go through the PushService");
        }

        @Override
        public List<AcceptOutcome> acceptEach(String connector, List<ClientRequest> requests) {
            throw new UnsupportedOperationException("pushes go through the PushService");
        }

        @Override
        public Status login(String connector, String user, String password, String remoteAddress) {
            if (!password.equals("secret")) {
                return Status.INVALID_LOGIN;
            }
            return user.equals("pi") ? Status.OK : Status.ACCESS_DENIED;
        }

        @Override
        public Optional<MessageStatus> status(long id) {
            throw new UnsupportedOperationException("PAP asks the PushService");
        }

        @Override
        public Optional<MessageStatus> status(String connector, String remoteIp, String username, String password, long id) {
            throw new UnsupportedOperationException("PAP asks the PushService");
        }

        @Override
        public Optional<LastReport> lastReport(long id) {
            throw new UnsupportedOperationException("PAP asks the PushService");
        }

        @Override
        public Optional<BigDecimal> balanceOfSender(long id) {
            throw new UnsupportedOperationException("PAP asks the PushService");
        }
    }

    /** Accepts every push unless told otherwise; remembers the calls; knows the pushes it is given. */
    private static final class FakePushService implements PushService {
        String connector;
        ClientIdentity client;
        String pushId;
        List<Options> messages;
        PushOutcome answer;
        RuntimeException failure;
        List<PushedAddress> pushed = List.of();
        Set<String> cancelAsked;

        @Override
        public PushOutcome push(String connector, ClientIdentity client, String pushId, List<Options> messages) {
            this.connector = connector;
            this.client = client;
            this.pushId = pushId;
            this.messages = messages;
            if (failure != null) {
                throw failure;
            }
            return answer != null ? answer : new PushOutcome.Accepted(List.of(7000L));
        }

        @Override
        public List<PushedAddress> addresses(String connector, String user, String pushId) {
            this.connector = connector;
            this.pushId = pushId;
            return pushed;
        }

        @Override
        public Set<String> cancel(String connector, String user, String pushId, Set<String> addresses) {
            cancelAsked = addresses;
            return Set.of(A);
        }
    }

    private final FakeMessageService messages = new FakeMessageService();
    private final FakePushService pushes = new FakePushService();
    private final PapConnector connector = new PapConnector(messages, CONFIG::incoming, pushes, Clock.fixed(NOW, ZoneOffset.UTC));

    private static String control(String message) {
        return "<?xml version=\"1.0\"?>\n" + PAP_2_0 + "\n<pap>\n" + message + "\n</pap>\n";
    }

    private static String push(String pushId, String... addresses) {
        StringBuilder push = new StringBuilder("<push-message push-id=\"" + pushId + "\">");
        for (String address : addresses) {
            push.append("<address address-value=\"").append(address).append("\"/>");
        }
        return push.append("</push-message>").toString();
    }

    private static String multipart(String control) {
        return "--" + BOUNDARY + "\r\nContent-Type: application/xml\r\n\r\n" + control + "\r\n--" + BOUNDARY
                + "\r\nContent-Type: text/vnd.wap.si\r\n\r\n" + SI + "\r\n--" + BOUNDARY + "--\r\n";
    }

    private Reply post(int port, String authorization, String contentType, String body) {
        return connector.handle(new PapCall(port, "192.0.2.7", "http://ppg.example.com/pap", contentType, authorization),
                new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8)));
    }

    private Reply push(String control) {
        return post(PORT, null, MULTIPART, multipart(control));
    }

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    private static void assertCode(String element, int code, Reply reply) {
        assertEquals("application/xml;charset=UTF-8", reply.mediaType());
        assertTrue(reply.body().contains("<" + element), reply.body());
        assertTrue(reply.body().contains(" code=\"" + code + "\""), reply.body());
    }

    @Test
    void anAcceptedPushIsOneMessagePerAddressAnswered1001() {
        Reply reply = push(control(push("p1", A, B)));

        assertEquals(202, reply.httpStatus());
        assertEquals("""
                <?xml version="1.0" encoding="UTF-8"?>
                <!DOCTYPE pap PUBLIC "-//WAPFORUM//DTD PAP 2.0//EN" "http://www.wapforum.org/DTD/pap_2.0.dtd">
                <pap>
                  <push-response push-id="p1" sender-address="http://ppg.example.com/pap" sender-name="openemg" \
                reply-time="2026-12-01T10:00:00Z">
                    <response-result code="1001" desc="Accepted for processing"/>
                  </push-response>
                </pap>
                """, reply.body());
        assertEquals("pap-in", pushes.connector);
        assertEquals(new ClientIdentity(null, "192.0.2.7"), pushes.client);
        assertEquals("p1", pushes.pushId);
        assertEquals(List.of("+46701234567", "+46707654321"), pushes.messages.stream().map(m -> m.get("DESTADDR")).toList());
        assertEquals(List.of(A, B), pushes.messages.stream().map(m -> m.get("PAP_ADDRESS")).toList());
    }

    @Test
    void eachPushHasAWspTransactionIdOfItsOwn() {
        push(control(push("p1", A)));
        String first = pushes.messages.get(0).get("MESSAGE");
        push(control(push("p2", A)));
        String second = pushes.messages.get(0).get("MESSAGE");

        assertEquals(first.substring(2), second.substring(2));
        assertEquals(1, Integer.parseInt(second.substring(0, 2), 16) - Integer.parseInt(first.substring(0, 2), 16));
    }

    @Test
    void aPushIdStillPendingIs2007() {
        pushes.answer = new PushOutcome.Duplicate();

        assertCode("push-response", 2007, push(control(push("p1", A))));
    }

    @Test
    void anAddressTheGatewayRefusesIs2002NamingTheAddress() {
        pushes.answer = new PushOutcome.Refused(B, RecipientResult.refused(new GatewayException(Status.NO_ROUTE)));

        Reply reply = push(control(push("p1", A, B)));

        assertCode("push-response", 2002, reply);
        assertTrue(reply.body().contains("desc=\"No route (" + B + ")\""), reply.body());
    }

    @Test
    void aRefusalOfTheWholePushThroughTheEjbContainerIsItsPapCode() {
        pushes.failure = new EJBException(new GatewayException(Status.QUEUE_FULL));

        assertCode("push-response", 4001, push(control(push("p1", A))));
    }

    @Test
    void anyOtherFailureIs3000() {
        pushes.failure = new EJBException("database gone");

        assertCode("push-response", 3000, push(control(push("p1", A))));
    }

    @Test
    void anAddressNoSmsReachesIs2002AndNothingIsPushed() {
        assertCode("push-response", 2002, push(control(push("p1", "WAPPUSH=john%40example.com/TYPE=USER@ppg.example.com"))));
        assertNull(pushes.messages);
    }

    @Test
    void tooLongAPushIdOrAddressIsRefusedBeforeAnythingIsPushed() {
        assertCode("push-response", 2000, push(control(push("p".repeat(256), A))));
        assertCode("push-response", 2002, push(control(push("p1", B + "/X-LONG=" + "x".repeat(250)))));
        assertNull(pushes.messages);
    }

    @Test
    void xmlThatDoesNotParseIsABadMessage() {
        Reply reply = push("<pap><push-message push-id=\"p1\">");

        assertEquals(202, reply.httpStatus());
        assertCode("badmessage-response", 2000, reply);
    }

    @Test
    void anUnknownPapVersionIs3002() {
        String control = "<?xml version=\"1.0\"?>\n<!DOCTYPE pap PUBLIC \"-//WAPFORUM//DTD PAP 9.0//EN\" \"http://x/pap.dtd\">\n"
                + "<pap>" + push("p1", A) + "</pap>";

        assertCode("badmessage-response", 3002, push(control));
    }

    @Test
    void anExternalEntityIsABadMessageAndNoFileIsRead(@TempDir Path dir) throws IOException {
        Path secret = Files.writeString(dir.resolve("secret.txt"), "the secret is 4711");
        String control = "<?xml version=\"1.0\"?>\n<!DOCTYPE pap [<!ENTITY xxe SYSTEM \"" + secret.toUri() + "\">]>\n"
                + "<pap><push-message push-id=\"&xxe;\"><address address-value=\"" + A + "\"/></push-message></pap>";

        Reply reply = push(control);

        assertCode("badmessage-response", 2000, reply);
        assertFalse(reply.body().contains("4711"), reply.body());
        assertNull(pushes.messages);
    }

    @Test
    void aBodyLargerThanAllowedIsABadMessage() {
        String body = multipart(control(push("p1", A))) + " ".repeat(256 * 1024);

        assertCode("badmessage-response", 2000, post(PORT, null, MULTIPART, body));
        assertNull(pushes.messages);
    }

    @Test
    void aPortThatIsNoPapConnectorsIs404() {
        assertEquals(404, post(9999, null, MULTIPART, multipart(control(push("p1", A)))).httpStatus());
    }

    @Test
    void onAConnectorWithUsersThePushInitiatorLogsInWithBasic() {
        String body = multipart(control(push("p1", A)));

        assertEquals(401, post(USERS_PORT, null, MULTIPART, body).httpStatus());
        assertEquals(401, post(USERS_PORT, "Basic !!!", MULTIPART, body).httpStatus());
        assertEquals(401, post(USERS_PORT, basic("pi", "wrong"), MULTIPART, body).httpStatus());
        assertEquals(403, post(USERS_PORT, basic("barred", "secret"), MULTIPART, body).httpStatus());
        assertNull(pushes.messages);

        assertCode("push-response", 1001, post(USERS_PORT, basic("pi", "secret"), MULTIPART, body));
        assertEquals(new ClientIdentity("pi", "192.0.2.7"), pushes.client);
        assertEquals("pap-users", pushes.connector);
    }

    @Test
    void aStatusQueryIsAnsweredFromThePushsMessages() {
        pushes.pushed = List.of(new PushedAddress(A, 1, List.of(MessageState.DELIVERED), NOW.toEpochMilli()),
                new PushedAddress(B, 2, List.of(MessageState.SUBMITTED), NOW.toEpochMilli()));

        Reply reply = post(PORT, null, "application/xml", control("<statusquery-message push-id=\"p1\"/>"));

        assertEquals(200, reply.httpStatus());
        assertTrue(reply.body().contains("message-state=\"delivered\" code=\"1000\""), reply.body());
        assertTrue(reply.body().contains("message-state=\"pending\" code=\"1001\""), reply.body());
        assertEquals("p1", pushes.pushId);
    }

    @Test
    void aCancelCancelsWhatThePushsAddressesNameAndAnswersPerAddress() {
        pushes.pushed = List.of(new PushedAddress(A, 1, List.of(MessageState.QUEUED), 0),
                new PushedAddress(B, 2, List.of(MessageState.SUBMITTED), 0));

        Reply reply = post(PORT, null, "application/xml", control("<cancel-message push-id=\"p1\"/>"));

        assertEquals(200, reply.httpStatus());
        assertEquals(Set.of(A, B), pushes.cancelAsked);
        assertTrue(reply.body().contains("<cancel-result code=\"1000\""), reply.body());
        assertTrue(reply.body().contains("<cancel-result code=\"2008\""), reply.body());
    }

    @Test
    void aResultNotificationResponseIsNoRequest() {
        Reply reply = post(PORT, null, "application/xml",
                control("<resultnotification-response push-id=\"p1\" code=\"1000\"><address address-value=\"" + A
                        + "\"/></resultnotification-response>"));

        assertCode("badmessage-response", 2000, reply);
    }

    @Test
    void aPushWithoutItsContentEntityIsRefused() {
        assertCode("push-response", 2000, post(PORT, null, "application/xml", control(push("p1", A))));
    }
}
