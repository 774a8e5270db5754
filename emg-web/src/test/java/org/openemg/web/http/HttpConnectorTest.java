package org.openemg.web.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.ejb.EJBException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;
import org.openemg.core.config.ServerConfig;
import org.openemg.core.config.ServerConfigReader;
import org.openemg.core.message.AcceptOutcome;
import org.openemg.core.message.ClientIdentity;
import org.openemg.core.message.ClientRequest;
import org.openemg.core.message.GatewayException;
import org.openemg.core.message.LastReport;
import org.openemg.core.message.MessageStatus;
import org.openemg.core.message.Options;
import org.openemg.core.message.RecipientResult;
import org.openemg.core.message.Status;
import org.openemg.ejb.accept.MessageService;

class HttpConnectorTest {

    private static final int PORT = 8080;
    private static final int UTF8_PORT = 8081;
    private static final int PACED_PORT = 8082;
    private static final ServerConfig CONFIG = ServerConfigReader.parse("server.cfg", String.join("\n",
            "CONNECTOR http-in <", "TYPE=INCOMING", "PROTOCOL=HTTP", "ADDRESS=:" + PORT, ">",
            "CONNECTOR http-utf8 <", "TYPE=INCOMING", "PROTOCOL=HTTP", "ADDRESS=:" + UTF8_PORT,
            "DEFAULT_CHARCODE_TEXT=UTF8", ">",
            "CONNECTOR http-paced <", "TYPE=INCOMING", "PROTOCOL=HTTP", "ADDRESS=:" + PACED_PORT, "THROUGHPUT=20", ">"),
            name -> {
                throw new IOException("no file " + name);
            });

    /** Accepts every message with ids from 100 on, unless told otherwise; remembers the calls. */
    private static final class FakeMessageService implements MessageService {
        String connector;
        String remoteIp;
        List<Options> messages;
        Function<List<Options>, AcceptOutcome> answer = messages -> {
            List<RecipientResult> results = new ArrayList<>();
            for (int i = 0; i < messages.size(); i++) {
                results.add(RecipientResult.accepted(100 + i, 1));
            }
            return new AcceptOutcome(results, null);
        };

        @Override
        public AcceptOutcome accept(String connector, String remoteIp, List<Options> messages) {
            this.connector = connector;
            this.remoteIp = remoteIp;
            this.messages = messages;
            return answer.apply(messages);
        }

        @Override
        public AcceptOutcome accept(String connector, ClientIdentity client, List<Options> messages) {
            throw new UnsupportedOperationException("the HTTP connector passes credentials as options");
        }

        @Override
        public List<AcceptOutcome> acceptEach(String connector, List<ClientRequest> requests) {
            throw new UnsupportedOperationException("the HTTP connector passes credentials as options");
        }

        @Override
        public Status login(String connector, String user, String password, String remoteAddress) {
            throw new UnsupportedOperationException("the HTTP connector logs in with every request");
        }

        @Override
        public Optional<MessageStatus> status(long id) {
            return id == Outcomes.SUBMITTED.id() ? Optional.of(Outcomes.SUBMITTED) : Optional.empty();
        }

        /** alice (password secret) sent the SUBMITTED message; bob (pw) nothing. */
        @Override
        public Optional<MessageStatus> status(String connector, String remoteIp, String username, String password, long id) {
            this.connector = connector;
            this.remoteIp = remoteIp;
            boolean alice = "alice".equals(username) && "secret".equals(password);
            if (!alice && !("bob".equals(username) && "pw".equals(password))) {
                throw new GatewayException(Status.INVALID_LOGIN);
            }
            return alice ? status(id) : Optional.empty();
        }

        @Override
        public Optional<LastReport> lastReport(long id) {
            return id == Outcomes.SUBMITTED.id() ? Optional.of(Outcomes.UNDELIVERABLE) : Optional.empty();
        }

        @Override
        public Optional<BigDecimal> balanceOfSender(long id) {
            return id == Outcomes.SUBMITTED.id() ? Optional.of(new BigDecimal("41.0000")) : Optional.empty();
        }
    }

    private final FakeMessageService service = new FakeMessageService();
    private final HttpConnector connector = new HttpConnector(service, CONFIG::incoming);

    private static InputStream body(String form) {
        return new ByteArrayInputStream(form.getBytes(StandardCharsets.UTF_8));
    }

    private Reply get(String format, String query) {
        return connector.send(ResponseFormat.ofSuffix(format), PORT, "192.0.2.7", query, null, null);
    }

    @Test
    void getSendsOneMessagePerDestAddr() {
        Reply reply = get("", "USERNAME=acme&PASSWORD=pw&DESTADDR=4670111&DESTADDR=4670222&MESSAGE=Hello+world");
        assertEquals(new Reply(200, "text/plain;charset=UTF-8", "100\n101\n"), reply);
        assertEquals("http-in", service.connector);
        assertEquals("192.0.2.7", service.remoteIp);
        assertEquals(List.of("4670111", "4670222"), service.messages.stream().map(m -> m.get("DESTADDR")).toList());
        assertEquals("Hello world", service.messages.get(1).get("MESSAGE"));
        assertEquals("acme", service.messages.get(0).get("USERNAME"));
    }

    @Test
    void aPausedConnectorAnswers503Status12AndKeepsNothingUntilResumed() {
        AtomicBoolean paused = new AtomicBoolean(true);
        HttpConnector switched = new HttpConnector(service, CONFIG::incoming, paused::get);
        String query = "USERNAME=acme&PASSWORD=pw&DESTADDR=4670111&MESSAGE=Hi";
        Reply refused = switched.send(ResponseFormat.ofSuffix(""), PORT, "192.0.2.7", query, null, null);
        assertEquals(503, refused.httpStatus());
        assertTrue(refused.body().startsWith("ERR 12 "), refused.body());
        assertNull(service.messages, "nothing handed to the gateway");
        paused.set(false);
        assertEquals(200, switched.send(ResponseFormat.ofSuffix(""), PORT, "192.0.2.7", query, null, null).httpStatus());
        assertEquals(1, service.messages.size());
    }

    /** The option {@code name} of the single message that {@code query} sent on {@code port}. */
    private String sent(int port, String query, String name) {
        assertEquals(200, connector.send(ResponseFormat.ofSuffix(""), port, "192.0.2.7", query, null, null).httpStatus());
        assertEquals(1, service.messages.size());
        return service.messages.get(0).get(name);
    }

    @Test
    void messageOnALatin1ConnectorIsOneCharPerOctetUnlessCharcode32() {
        assertEquals("å", sent(PORT, "DESTADDR=1&MESSAGE=%E5", "MESSAGE"));
        assertEquals("\u00C3\u00A5", sent(PORT, "DESTADDR=1&MESSAGE=%C3%A5", "MESSAGE"));
        assertEquals("å", sent(PORT, "DESTADDR=1&MESSAGE=%C3%A5&CHARCODE=32", "MESSAGE"));
        assertEquals("http-in", service.connector);
    }

    @Test
    void messageOnAUtf8ConnectorIsUtf8ElseLatin1UnlessCharcode3() {
        assertEquals("å", sent(UTF8_PORT, "DESTADDR=1&MESSAGE=%C3%A5", "MESSAGE"));
        assertEquals("http-utf8", service.connector);
        assertEquals("å", sent(UTF8_PORT, "DESTADDR=1&MESSAGE=%E5", "MESSAGE"));
        assertEquals("😀", sent(UTF8_PORT, "DESTADDR=1&MESSAGE=%F0%9F%98%80", "MESSAGE"));
        assertEquals("å", sent(UTF8_PORT, "CHARCODE=3&DESTADDR=1&MESSAGE=%E5", "MESSAGE"));
        assertEquals("\u00C3\u00A5", sent(UTF8_PORT, "CHARCODE=3&DESTADDR=1&MESSAGE=%C3%A5", "MESSAGE"));
    }

    @Test
    void hexMessageIsKeptAsSent() {
        assertEquals("C3A5", sent(UTF8_PORT, "CHARCODE=2&DESTADDR=1&MESSAGE=C3A5", "MESSAGE"));
    }

    @Test
    void otherValuesAreUtf8ElseLatin1OnEitherConnector() {
        for (int port : new int[] {PORT, UTF8_PORT}) {
            assertEquals("å", sent(port, "DESTADDR=1&USERNAME=%C3%A5", "USERNAME"));
            assertEquals("å", sent(port, "DESTADDR=1&USERNAME=%E5", "USERNAME"));
        }
    }

    @Test
    void rawBodyBytesReadAsTheConnectorSays() {
        connector.send(ResponseFormat.ofSuffix(""), PORT, "192.0.2.7", null,
                new ByteArrayInputStream("DESTADDR=1&MESSAGE=på".getBytes(StandardCharsets.ISO_8859_1)), null);
        assertEquals("på", service.messages.get(0).get("MESSAGE"));
        connector.send(ResponseFormat.ofSuffix(""), UTF8_PORT, "192.0.2.7", null, body("DESTADDR=1&MESSAGE=på"), null);
        assertEquals("på", service.messages.get(0).get("MESSAGE"));
    }

    @Test
    void unencodedPlusOfAnInternationalDestAddrIsKept() {
        assertEquals("+46701234567", sent(PORT, "DESTADDR=+46701234567&MESSAGE=hi", "DESTADDR"));
    }

    @Test
    void postMergesQueryFirstThenBody() {
        Reply reply = connector.send(ResponseFormat.ofSuffix(".json"), PORT, "192.0.2.7", "DESTADDR=1&MESSAGE=query",
                body("destaddr=2&message=body"), null);
        assertEquals(200, reply.httpStatus());
        assertEquals(List.of("1", "2"), service.messages.stream().map(m -> m.get("DESTADDR")).toList());
        assertEquals("body", service.messages.get(0).get("MESSAGE"));
    }

    @Test
    void basicAuthenticationFillsCredentials() {
        String basic = "Basic " + Base64.getEncoder().encodeToString("acme:pw".getBytes(StandardCharsets.UTF_8));
        connector.send(ResponseFormat.ofSuffix(""), PORT, "192.0.2.7", null, body("DESTADDR=1"), basic);
        assertEquals("acme", service.messages.get(0).get("USERNAME"));
        assertEquals("pw", service.messages.get(0).get("PASSWORD"));
    }

    @Test
    void noDestAddrIsRefusedWithoutCallingTheService() {
        assertEquals(new Reply(400, "text/plain;charset=UTF-8", "ERR 5 Invalid argument: DESTADDR\n"),
                get("", "MESSAGE=hi"));
        assertNull(service.messages);
    }

    @Test
    void portWithoutHttpConnectorIsNotFound() {
        Reply reply = connector.send(ResponseFormat.ofSuffix(".json"), 9999, "192.0.2.7", "DESTADDR=1", null, null);
        assertEquals(404, reply.httpStatus());
        assertEquals("text/plain;charset=UTF-8", reply.mediaType());
        assertTrue(reply.body().contains("9999"));
        assertNull(service.messages);
    }

    @Test
    void refusedRequestAnswersTheStatusHttpCode() {
        service.answer = messages -> {
            throw new GatewayException(Status.INVALID_LOGIN);
        };
        assertEquals(new Reply(401, "application/xml;charset=UTF-8",
                        "<response><results><result><status>3</status><statustext>Invalid login</statustext>"
                                + "</result></results></response>"),
                get(".xml", "DESTADDR=1&USERNAME=acme&PASSWORD=wrong"));
    }

    @Test
    void refusalWrappedByTheEjbContainerIsStillARefusal() {
        service.answer = messages -> {
            throw new EJBException(new GatewayException(Status.INSUFFICIENT_CREDIT));
        };
        assertEquals(new Reply(402, "text/plain;charset=UTF-8", "ERR 11 Insufficient credit\n"), get("", "DESTADDR=1"));
    }

    /** The records HttpConnector logs while {@code action} runs, kept off the console. */
    private static List<LogRecord> logged(Runnable action) {
        Logger logger = Logger.getLogger(HttpConnector.class.getName());
        List<LogRecord> records = new ArrayList<>();
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord record) {
                records.add(record);
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        logger.addHandler(capture);
        logger.setUseParentHandlers(false);
        try {
            action.run();
        } finally {
            logger.removeHandler(capture);
            logger.setUseParentHandlers(true);
        }
        return records;
    }

    @Test
    void unexpectedFailureIsStatusOneLoggedOnceWithoutPassword() {
        service.answer = messages -> {
            throw new IllegalStateException("database gone");
        };
        List<LogRecord> records = logged(() -> assertEquals(new Reply(500, "application/json;charset=UTF-8",
                        "{\"results\":[{\"status\":\"1\",\"statustext\":\"Unspecified error\"}]}"),
                get(".json", "DESTADDR=1&USERNAME=acme&PASSWORD=s3cret")));
        assertEquals(1, records.size());
        assertEquals(Level.SEVERE, records.get(0).getLevel());
        assertFalse(records.get(0).getMessage().contains("s3cret"));
    }

    @Test
    void failureTheEjbContainerLoggedIsNotLoggedAgainAsError() {
        service.answer = messages -> {
            throw new EJBException(new IllegalStateException("database gone"));
        };
        List<LogRecord> records = logged(() -> assertEquals(500, get("", "DESTADDR=1").httpStatus()));
        assertTrue(records.stream().noneMatch(r -> r.getLevel().intValue() > Level.INFO.intValue()));
    }

    @Test
    void unreadableBodyIsStatusOne() {
        InputStream broken = new InputStream() {
            @Override
            public int read() throws IOException {
                throw new IOException("connection reset");
            }
        };
        Reply reply = connector.send(ResponseFormat.ofSuffix(""), PORT, "192.0.2.7", null, broken, null);
        assertEquals(new Reply(500, "text/plain;charset=UTF-8", "ERR 1 Unspecified error\n"), reply);
    }

    @Test
    void refusedRecipientsStillAnswer200() {
        service.answer = messages -> new AcceptOutcome(List.of(RecipientResult.accepted(100, 1),
                RecipientResult.refused(GatewayException.invalidArgument("DESTADDR"))), null);
        assertEquals(new Reply(200, "text/plain;charset=UTF-8", "100\nERR 5 Invalid argument: DESTADDR\n"),
                get("", "DESTADDR=4670111&DESTADDR=x"));
    }

    @Test
    void aBrokenPercentEscapeIsInvalidArgumentAndSendsNothing() {
        assertEquals(new Reply(400, "text/plain;charset=UTF-8", "ERR 5 Invalid argument: MESSAGE\n"),
                get("", "USERNAME=acme&PASSWORD=pw&DESTADDR=4670111&MESSAGE=%"));
        Reply posted = connector.send(ResponseFormat.ofSuffix(".json"), PORT, "192.0.2.7", null,
                body("DESTADDR=4670111&MESSAGE=50%+off"), null);
        assertEquals(new Reply(400, "application/json;charset=UTF-8",
                "{\"results\":[{\"status\":\"5\",\"statustext\":\"Invalid argument: MESSAGE\"}]}"), posted);
        assertNull(service.messages);
    }

    private Reply status(String format, String query) {
        return connector.status(ResponseFormat.ofSuffix(format), PORT, "192.0.2.7", query, null);
    }

    @Test
    void statusOfAKnownMessage() {
        Reply reply = status("", "USERNAME=alice&PASSWORD=secret&ID=10000000000042");
        assertEquals(200, reply.httpStatus());
        assertEquals("http-in", service.connector);
        assertEquals("192.0.2.7", service.remoteIp);
        assertTrue(reply.body().startsWith("ID=10000000000042\nSTATE=SUBMITTED\n"));
        assertTrue(reply.body().contains("\nMESSAGESTATE=UNDELIVERABLE\nDLRTIME=2025-01-31T12:00:09Z\nSMSCERROR=069\n"),
                reply.body());
        assertTrue(reply.body().endsWith("\nBALANCE=41.0000\n"), reply.body());
    }

    @Test
    void aRequestWithoutCreditIsPaymentRequiredInEveryFormat() {
        service.answer = messages -> {
            throw new GatewayException(Status.INSUFFICIENT_CREDIT);
        };
        assertEquals(new Reply(402, "text/plain;charset=UTF-8", "ERR 11 Insufficient credit\n"), get("", "DESTADDR=1"));
        assertEquals(new Reply(402, "application/json;charset=UTF-8",
                "{\"results\":[{\"status\":\"11\",\"statustext\":\"Insufficient credit\"}]}"), get(".json", "DESTADDR=1"));
        assertEquals(new Reply(402, "application/xml;charset=UTF-8", "<response><results><result><status>11</status>"
                + "<statustext>Insufficient credit</statustext></result></results></response>"), get(".xml", "DESTADDR=1"));
    }

    @Test
    void theBalanceAfterTheChargeIsInTheJsonAndXmlAnswers() {
        service.answer = messages -> new AcceptOutcome(List.of(RecipientResult.accepted(100, 3)), new BigDecimal("47.0000"));
        assertEquals("{\"results\":[{\"status\":\"0\",\"msgid\":\"100\",\"statustext\":\"OK\",\"parts\":\"3\"}],"
                + "\"balance\":\"47.0000\"}", get(".json", "DESTADDR=1").body());
        assertTrue(get(".xml", "DESTADDR=1").body().endsWith("</results><balance>47.0000</balance></response>"));
        assertEquals("100\n", get("", "DESTADDR=1").body());
    }

    @Test
    void statusOfAnUnknownMessageIsNotFound() {
        assertEquals(new Reply(404, "text/plain;charset=UTF-8", "ERR 5 Invalid argument: ID\n"),
                status("", "id=1&username=alice&password=secret"));
    }

    @Test
    void statusWithHttpBasicCredentials() {
        String basic = "Basic " + Base64.getEncoder().encodeToString("alice:secret".getBytes(StandardCharsets.UTF_8));
        assertEquals(200, connector.status(ResponseFormat.ofSuffix(""), PORT, "192.0.2.7", "ID=10000000000042", basic)
                .httpStatus());
    }

    @Test
    void statusWithoutOrWithWrongCredentialsIsInvalidLogin() {
        for (String query : new String[] {"ID=10000000000042", "ID=10000000000042&USERNAME=alice&PASSWORD=nope",
            "ID=10000000000042&USERNAME=alice"}) {
            assertEquals(new Reply(401, "text/plain;charset=UTF-8", "ERR 3 Invalid login\n"), status("", query), query);
        }
    }

    @Test
    void anotherUsersMessageAnswersAsAnUnknownOne() {
        Reply others = status(".json", "ID=10000000000042&USERNAME=bob&PASSWORD=pw");
        Reply unknown = status(".json", "ID=1&USERNAME=alice&PASSWORD=secret");
        assertEquals(404, others.httpStatus());
        assertEquals(unknown, others);
    }

    @Test
    void statusWithMissingOrMalformedIdIsBadRequest() {
        for (String query : new String[] {null, "ID=", "ID=abc", "ID=-1", "ID=+5", "ID=99999999999999999999"}) {
            Reply reply = status(".json", query);
            assertEquals(new Reply(400, "application/json;charset=UTF-8",
                    "{\"results\":[{\"status\":\"5\",\"statustext\":\"Invalid argument: ID\"}]}"), reply, query);
        }
    }

    @Test
    void statusOnAPortWithoutHttpConnectorIsNotFound() {
        assertEquals(404, connector.status(ResponseFormat.ofSuffix(""), 9999, "192.0.2.7", "ID=1", null).httpStatus());
    }

    @Test
    void throughputDelaysTheAnswerInsteadOfRefusing() {
        long start = System.nanoTime();
        for (int i = 0; i < 3; i++) {
            Reply reply = connector.send(ResponseFormat.ofSuffix(""), PACED_PORT, "192.0.2.7",
                    "DESTADDR=4670111&DESTADDR=4670222&MESSAGE=x", null, null);
            assertEquals(200, reply.httpStatus());
        }
        long millis = (System.nanoTime() - start) / 1_000_000;
        // six messages at 20/s: slots at 0, 50, ... 250 ms
        assertTrue(millis >= 240, millis + " ms");
    }

    @Test
    void deliveryReportsAreNotThrottled() {
        long start = System.nanoTime();
        for (int i = 0; i < 20; i++) {
            connector.send(ResponseFormat.ofSuffix(""), PACED_PORT, "192.0.2.7", "DESTADDR=4670111&MSGTYPE=5&MESSAGE=x",
                    null, null);
        }
        assertTrue((System.nanoTime() - start) / 1_000_000 < 500, "twenty DLRs at 20/s would take a second");
    }
}
