package org.openemg.rar.smpp.server;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.jsmpp.SMPPConstant;
import org.jsmpp.bean.BindType;
import org.jsmpp.bean.DeliverSm;
import org.jsmpp.bean.OptionalParameter;
import org.jsmpp.bean.UnsuccessDelivery;
import org.jsmpp.extra.NegativeResponseException;
import org.jsmpp.session.QuerySmResult;
import org.jsmpp.session.SubmitMultiResult;
import org.jsmpp.util.DefaultComposer;
import org.jsmpp.util.PDUComposer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openemg.core.config.BindMode;
import org.openemg.core.config.Endpoint;
import org.openemg.core.message.OptionNames;
import org.openemg.core.message.Options;
import org.openemg.rar.api.OutgoingMessage;
import org.openemg.rar.api.SendOutcome;
import org.openemg.rar.api.SendResult;
import org.openemg.rar.work.SendResults;
import org.openemg.rar.work.ThreadPerTask;
import org.openemg.testkit.EsmeClient;
import org.openemg.testkit.Eventually;
import org.openemg.testkit.RawSmppPeer;

/** Sessions of an incoming SMPP connector against the kit's ESME and a raw peer, with the gateway in memory. */
class SmppServerConnectorTest {

    private static final Duration LIMIT = Duration.ofSeconds(10);
    private static final PDUComposer COMPOSER = new DefaultComposer();

    private final FakeGateway gateway = new FakeGateway();
    private final Map<Long, SendResult> results = new ConcurrentHashMap<>();
    /** Results and links up in the order the connector handed them on. */
    private final List<String> events = new CopyOnWriteArrayList<>();
    private SmppServerConnector connector;
    private final List<EsmeClient> clients = new ArrayList<>();

    @BeforeEach
    void start() throws Exception {
        connector = start(Optional.empty(), 3);
    }

    @AfterEach
    void stop() {
        clients.forEach(EsmeClient::close);
        connector.stop();
    }

    private SmppServerConnector start(Optional<BindMode> mode, int instances) throws Exception {
        return start(new IncomingSmppSettings("smpp-in", new Endpoint("127.0.0.1", 0), instances, mode, 2, 0, 0,
                Set.of("acme", "bob")));
    }

    private SmppServerConnector start(IncomingSmppSettings settings) throws Exception {
        SendResults sink = new SendResults() {
            @Override
            public void record(String name, List<SendResult> group) {
                group.forEach(r -> {
                    results.put(r.messageId(), r);
                    events.add(r.outcome() + " " + r.messageId());
                });
            }

            @Override
            public void linkUp(String name) {
                events.add("link up");
            }
        };
        SmppServerConnector started = new SmppServerConnector(settings, gateway, sink, new ThreadPerTask(),
                new ServerTimings(Duration.ofSeconds(2), Duration.ofSeconds(5), Duration.ofMillis(100)));
        started.start();
        return started;
    }

    private EsmeClient bind(BindType type, String user, String password) throws Exception {
        EsmeClient client = EsmeClient.bind("127.0.0.1", connector.port(), type, user, password);
        clients.add(client);
        return client;
    }

    @Test
    void eachBindErrorHasItsStatus() {
        assertEquals(SMPPConstant.STAT_ESME_RINVSYSID, bindStatus("nobody", "secret"));
        assertEquals(SMPPConstant.STAT_ESME_RINVPASWD, bindStatus("acme", "wrong"));
        assertEquals(SMPPConstant.STAT_ESME_RBINDFAIL, bindStatus("denied", "any"));
        assertEquals(SMPPConstant.STAT_ESME_ROK, bindStatus("acme", "secret"));
    }

    private int bindStatus(String user, String password) {
        return EsmeClient.bindStatus("127.0.0.1", connector.port(), BindType.BIND_TX, user, password);
    }

    @Test
    void instancesCapTheBoundSessions() throws Exception {
        for (int i = 0; i < 3; i++) {
            bind(BindType.BIND_TX, "acme", "secret");
        }
        assertEquals(SMPPConstant.STAT_ESME_RBINDFAIL, bindStatus("acme", "secret"));
        clients.remove(0).close();
        assertTrue(Eventually.within(LIMIT, () -> connector.boundCount() == 2));
        assertEquals(SMPPConstant.STAT_ESME_ROK, bindStatus("acme", "secret"));
    }

    @Test
    void modeRestrictsTheKindsOfBind() throws Exception {
        connector.stop();
        connector = start(Optional.of(BindMode.RECEIVER), 3);
        assertEquals(SMPPConstant.STAT_ESME_RBINDFAIL, bindStatus("acme", "secret"));
        assertEquals(SMPPConstant.STAT_ESME_ROK,
                EsmeClient.bindStatus("127.0.0.1", connector.port(), BindType.BIND_RX, "acme", "secret"));
    }

    @Test
    void aSecondBindRequestsBeforeTheBindAndUnknownCommandsAreAnsweredAndTheSessionGoesOn() throws Exception {
        try (RawSmppPeer peer = new RawSmppPeer("127.0.0.1", connector.port())) {
            peer.send(COMPOSER.composeHeader(SMPPConstant.CID_QUERY_SM, 0, 1));
            assertEquals(SMPPConstant.STAT_ESME_RINVBNDSTS, peer.read().commandStatus());
            peer.send(COMPOSER.bind(SMPPConstant.CID_BIND_TRANSCEIVER, 2, "acme", "secret", "", (byte) 0x34, (byte) 0,
                    (byte) 0, null));
            assertEquals(0, peer.read().commandStatus());
            peer.send(COMPOSER.bind(SMPPConstant.CID_BIND_TRANSCEIVER, 3, "acme", "secret", "", (byte) 0x34, (byte) 0,
                    (byte) 0, null));
            assertEquals(SMPPConstant.STAT_ESME_RALYBND, peer.read().commandStatus());
            peer.send(COMPOSER.composeHeader(0x00000111, 0, 4));
            RawSmppPeer.Pdu nack = peer.read();
            assertEquals(SMPPConstant.CID_GENERIC_NACK, nack.commandId());
            assertEquals(SMPPConstant.STAT_ESME_RINVCMDID, nack.commandStatus());
            peer.send(COMPOSER.enquireLink(5));
            RawSmppPeer.Pdu alive = peer.read();
            assertEquals(SMPPConstant.CID_ENQUIRE_LINK_RESP, alive.commandId());
            assertEquals(5, alive.sequenceNumber());
        }
    }

    @Test
    void aSubmitIsAnsweredWithTheGatewaysIdAndCarriesItsOptions() throws Exception {
        EsmeClient client = bind(BindType.BIND_TX, "acme", "secret");

        String id = client.submit("4612", "46701234567", (byte) 0, "Hello".getBytes(StandardCharsets.US_ASCII), true);

        assertEquals("1000", id);
        Options message = gateway.messages().get(0);
        assertEquals("acme", gateway.received.get(0).client().user());
        assertEquals("46701234567", message.get(OptionNames.DESTADDR));
        assertEquals("4612", message.get(OptionNames.SOURCEADDR));
        assertEquals("Hello", message.get(OptionNames.MESSAGE));
        assertEquals("1", message.get(OptionNames.DLR));
        assertEquals("0", message.get(OptionNames.DCS));
    }

    @Test
    void validityAndScheduleBecomeVpAndDeltime() throws Exception {
        EsmeClient client = bind(BindType.BIND_TRX, "acme", "secret");

        client.submitTimed("4612", "4670111", "timed", "000000010000000R", "300101120000000+");

        Options message = gateway.messages().get(0);
        assertEquals("3600", message.get(OptionNames.VP));
        assertEquals("20300101120000", message.get(OptionNames.DELTIME));
        NegativeResponseException bad = assertThrows(NegativeResponseException.class,
                () -> client.submitTimed("4612", "4670111", "timed", "00000001000X000R", null));
        assertEquals(SMPPConstant.STAT_ESME_RINVEXPIRY, bad.getCommandStatus());
    }

    @Test
    void aRefusedMessageGetsTheMatchingStatus() throws Exception {
        EsmeClient client = bind(BindType.BIND_TX, "acme", "secret");

        NegativeResponseException refused = assertThrows(NegativeResponseException.class,
                () -> client.submit("4612", "000123", "no route"));

        assertEquals(SMPPConstant.STAT_ESME_RINVDSTADR, refused.getCommandStatus());
    }

    @Test
    void aReceiverCannotSubmit() throws Exception {
        try (RawSmppPeer peer = new RawSmppPeer("127.0.0.1", connector.port())) {
            peer.send(COMPOSER.bind(SMPPConstant.CID_BIND_RECEIVER, 1, "acme", "secret", "", (byte) 0x34, (byte) 0,
                    (byte) 0, null));
            assertEquals(0, peer.read().commandStatus());
            peer.send(COMPOSER.submitSm(2, "", (byte) 1, (byte) 1, "4612", (byte) 1, (byte) 1, "4670111", (byte) 0,
                    (byte) 0, (byte) 0, null, null, (byte) 0, (byte) 0, (byte) 0, (byte) 0, new byte[] {'h', 'i'}));
            RawSmppPeer.Pdu refused = peer.read();
            assertEquals(SMPPConstant.CID_SUBMIT_SM_RESP, refused.commandId());
            assertEquals(SMPPConstant.STAT_ESME_RINVBNDSTS, refused.commandStatus());
        }
    }

    @Test
    void submitsReadTogetherGoToTheGatewayTogether() throws Exception {
        EsmeClient client = bind(BindType.BIND_TX, "acme", "secret");
        ExecutorService senders = Executors.newFixedThreadPool(8);
        List<Future<String>> ids = new ArrayList<>();
        for (int i = 0; i < 400; i++) {
            String destination = "4670" + i;
            ids.add(senders.submit(() -> client.submit("4612", destination, "group")));
        }
        for (Future<String> id : ids) {
            assertNotNull(id.get());
        }
        senders.shutdown();

        assertEquals(400, gateway.received.size());
        assertTrue(gateway.receiveCalls.get() < 400, gateway.receiveCalls.get() + " calls for 400 submits");
    }

    @Test
    void submitMultiListsTheRefusedAddresses() throws Exception {
        EsmeClient client = bind(BindType.BIND_TX, "acme", "secret");

        SubmitMultiResult result = client.submitMulti("4612", "to many", "4670111", "000222", "4670333");

        assertEquals("1000", result.getMessageId());
        UnsuccessDelivery[] refused = result.getUnsuccessDeliveries();
        assertEquals(1, refused.length);
        assertEquals("000222", refused[0].getDestinationAddress().getAddress());
        assertEquals(SMPPConstant.STAT_ESME_RINVDSTADR, refused[0].getErrorStatusCode());
        assertEquals(3, gateway.messages().size());
    }

    @Test
    void dataSmCarriesItsPayload() throws Exception {
        EsmeClient client = bind(BindType.BIND_TRX, "acme", "secret");

        assertEquals("1000", client.dataSm("4612", "4670111", "payload text"));

        assertEquals("payload text", gateway.messages().get(0).get(OptionNames.MESSAGE));
    }

    @Test
    void queryCancelAndReplaceAskTheGatewayForTheBoundUser() throws Exception {
        EsmeClient acme = bind(BindType.BIND_TRX, "acme", "secret");
        EsmeClient bob = bind(BindType.BIND_TRX, "bob", "pw");

        QuerySmResult state = acme.query("1234", "4612");
        acme.cancel("1234", "4612", "4670111");
        acme.replace("1234", "4612", "new");

        assertEquals(org.jsmpp.bean.MessageState.DELIVERED, state.getMessageState());
        assertEquals("260301120500000+", state.getFinalDate());
        assertEquals(SMPPConstant.STAT_ESME_RQUERYFAIL,
                assertThrows(NegativeResponseException.class, () -> bob.query("1234", "4612")).getCommandStatus());
        assertEquals(SMPPConstant.STAT_ESME_RCANCELFAIL,
                assertThrows(NegativeResponseException.class, () -> bob.cancel("1234", "4612", "4670111")).getCommandStatus());
        assertEquals(SMPPConstant.STAT_ESME_RREPLACEFAIL,
                assertThrows(NegativeResponseException.class, () -> bob.replace("1234", "4612", "x")).getCommandStatus());
        assertEquals(SMPPConstant.STAT_ESME_RINVMSGID,
                assertThrows(NegativeResponseException.class, () -> acme.query("abc", "4612")).getCommandStatus());
        assertEquals(List.of("status acme 1234", "cancel acme 1234", "replace acme 1234 6E6577", "status bob 1234",
                "cancel bob 1234", "replace bob 1234 78"), gateway.actions);
    }

    @Test
    void aMessageForAUserGoesToItsReceiverAndWaitsForNobodyElse() throws Exception {
        EsmeClient acme = bind(BindType.BIND_RX, "acme", "secret");
        bind(BindType.BIND_TRX, "bob", "pw");

        connector.send(List.of(message(1, "OUTUSER", "acme", "MESSAGE", "for acme"),
                message(2, "OUTUSER", "carol", "MESSAGE", "for carol")));

        DeliverSm delivered = acme.nextDelivered(LIMIT);
        assertNotNull(delivered);
        assertEquals("4670111", delivered.getDestAddress());
        assertArrayEquals("for acme".getBytes(StandardCharsets.US_ASCII), delivered.getShortMessage());
        assertTrue(Eventually.within(LIMIT, () -> results.size() == 2));
        assertEquals(SendOutcome.DELIVERED, results.get(1L).outcome());
        assertEquals(SendOutcome.NO_RECEIVER, results.get(2L).outcome());
    }

    @Test
    void aReceiversBindIsHandedOnAfterTheMessagesItCouldTake() throws Exception {
        bind(BindType.BIND_TX, "acme", "secret");
        connector.send(List.of(message(3, "OUTUSER", "acme", "MESSAGE", "for acme")));
        assertTrue(Eventually.within(LIMIT, () -> results.containsKey(3L)));

        bind(BindType.BIND_RX, "acme", "secret");

        assertTrue(Eventually.within(LIMIT, () -> events.contains("link up")));
        assertEquals(List.of("NO_RECEIVER 3", "link up"), events, "a transmitter's bind takes nothing and is not handed on");
    }

    @Test
    void deliveriesForAnyoneAreSpreadOverTheReceiversAndWindowed() throws Exception {
        EsmeClient one = bind(BindType.BIND_RX, "acme", "secret");
        EsmeClient two = bind(BindType.BIND_TRX, "bob", "pw");
        List<OutgoingMessage> batch = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            batch.add(message(i, "MESSAGE", "mo " + i));
        }

        connector.send(batch);

        assertTrue(Eventually.within(LIMIT, () -> results.size() == 40));
        assertTrue(results.values().stream().allMatch(r -> r.outcome() == SendOutcome.DELIVERED));
        assertEquals(40, one.delivered().size() + two.delivered().size());
        assertTrue(!one.delivered().isEmpty() && !two.delivered().isEmpty(), "both receivers took some");
    }

    @Test
    void aRefusedDeliverSmIsRetriedAndNobodyBoundMeansNoReceiver() throws Exception {
        connector.send(List.of(message(7, "MESSAGE", "nobody there")));
        assertTrue(Eventually.within(LIMIT, () -> results.containsKey(7L)));
        assertEquals(SendOutcome.NO_RECEIVER, results.get(7L).outcome());

        EsmeClient acme = bind(BindType.BIND_RX, "acme", "secret");
        acme.answerDeliverSmWith(SMPPConstant.STAT_ESME_RSYSERR);
        connector.send(List.of(message(8, "MESSAGE", "refused")));
        assertTrue(Eventually.within(LIMIT, () -> results.containsKey(8L)));
        assertEquals(SendOutcome.RETRY, results.get(8L).outcome());
    }

    @Test
    void aDlrGoesAsAReceipt() throws Exception {
        EsmeClient acme = bind(BindType.BIND_TRX, "acme", "secret");

        connector.send(List.of(message(9, "MSGTYPE", "5", "ORIGID", "70001", "MESSAGESTATE", "DELIVERED",
                "SUBMITDATE", "20260301120000", "DONEDATE", "20260301120500", "MESSAGE", "Hello there, this is long",
                "USERNAME", "acme")));

        DeliverSm receipt = acme.nextDelivered(LIMIT);
        assertNotNull(receipt);
        assertEquals(0x04, receipt.getEsmClass());
        assertEquals("id:70001 sub:001 dlvrd:001 submit date:2603011200 done date:2603011205 stat:DELIVRD err:000"
                + " text:Hello there, this is", new String(receipt.getShortMessage(), StandardCharsets.ISO_8859_1));
        byte[] receipted = ((OptionalParameter.OctetString) receipt
                .getOptionalParameter(OptionalParameter.Tag.RECEIPTED_MESSAGE_ID)).getValue();
        assertEquals("70001", new String(receipted, StandardCharsets.ISO_8859_1).replace("\0", ""));
        assertEquals(2, ((OptionalParameter.Byte) receipt.getOptionalParameter(OptionalParameter.Tag.MESSAGE_STATE))
                .getValue());
    }

    @Test
    void anIntermediateDlrGoesAsAnIntermediateNotification() throws Exception {
        EsmeClient acme = bind(BindType.BIND_TRX, "acme", "secret");

        connector.send(List.of(message(10, "MSGTYPE", "5", "ORIGID", "70002", "MESSAGESTATE", "ENROUTE",
                "SUBMITDATE", "20260301120000", "DONEDATE", "20260301120100", "MESSAGE", "on its way", "USERNAME", "acme")));

        DeliverSm receipt = acme.nextDelivered(LIMIT);
        assertNotNull(receipt);
        assertEquals(0x20, receipt.getEsmClass());
        assertTrue(new String(receipt.getShortMessage(), StandardCharsets.ISO_8859_1).contains(" stat:ENROUTE err:000 "));
        assertEquals(1, ((OptionalParameter.Byte) receipt.getOptionalParameter(OptionalParameter.Tag.MESSAGE_STATE))
                .getValue());
    }

    @Test
    void aSilentSessionIsUnboundAndClosedAfterIdleTimeout() throws Exception {
        connector.stop();
        connector = start(new IncomingSmppSettings("smpp-in", new Endpoint("127.0.0.1", 0), 3, Optional.empty(), 2, 1, 0,
                Set.of()));
        try (RawSmppPeer peer = new RawSmppPeer("127.0.0.1", connector.port())) {
            peer.send(COMPOSER.bind(SMPPConstant.CID_BIND_TRANSCEIVER, 1, "acme", "secret", "", (byte) 0x34, (byte) 0,
                    (byte) 0, null));
            assertEquals(0, peer.read().commandStatus());
            long start = System.nanoTime();

            assertEquals(SMPPConstant.CID_UNBIND, peer.read().commandId(), "unbound by the server");
            assertTrue(System.nanoTime() - start >= 900_000_000L, "not before IDLETIMEOUT");
            assertThrows(java.io.EOFException.class, peer::read, "then closed, not a read timeout");
        }
    }

    @Test
    void throughputDelaysResponsesAndRefusesNothing() throws Exception {
        connector.stop();
        connector = start(new IncomingSmppSettings("smpp-in", new Endpoint("127.0.0.1", 0), 3, Optional.empty(), 2, 0,
                20, Set.of()));
        EsmeClient client = bind(BindType.BIND_TX, "acme", "secret");
        long start = System.nanoTime();

        for (int i = 0; i < 11; i++) {
            client.submit("4612", "4670111", "paced " + i);
        }

        long elapsedMillis = (System.nanoTime() - start) / 1_000_000;
        assertTrue(elapsedMillis >= 450, "11 submits at 20/s take at least 0.5 s, took " + elapsedMillis + " ms");
        assertEquals(11, gateway.received.size());
    }

    private static OutgoingMessage message(long id, String... namesAndValues) {
        Options options = new Options().set(OptionNames.DESTADDR, "4670111").set(OptionNames.SOURCEADDR, "4612");
        for (int i = 0; i < namesAndValues.length; i += 2) {
            options.set(namesAndValues[i], namesAndValues[i + 1]);
        }
        return new OutgoingMessage(id, options);
    }
}
