package org.openemg.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.as.arquillian.container.ManagementClient;
import org.jboss.dmr.ModelNode;
import org.jsmpp.SMPPConstant;
import org.jsmpp.bean.BindType;
import org.jsmpp.bean.DeliverSm;
import org.jsmpp.bean.OptionalParameter;
import org.jsmpp.bean.RegisteredDelivery;
import org.jsmpp.bean.MessageState;
import org.jsmpp.bean.SubmitSm;
import org.jsmpp.extra.NegativeResponseException;
import org.jsmpp.session.SubmitMultiResult;
import org.jsmpp.util.DefaultComposer;
import org.jsmpp.util.PDUComposer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openemg.testkit.EsmeClient;
import org.openemg.testkit.Eventually;
import org.openemg.testkit.GatewayHttp;
import org.openemg.testkit.RawSmppPeer;

/**
 * The incoming SMPP connector smpp-in (users in src/test/emgdir/smppusers) with the kit's ESME: binds,
 * submits that reach the SMSC simulator with our id answered after the commit, the other commands, and
 * deliver_sm to bound receivers of what the routing table sends to smpp-in:acme.
 */
class SmppServerIT extends DeployedGatewayTest {

    @ArquillianResource
    private ManagementClient management;

    private static final Duration ARRIVAL = Duration.ofSeconds(60);
    private static final String HOST = System.getProperty("it.host");
    private static final int PORT = Integer.getInteger("it.smppin.port");
    private static final int RX_PORT = Integer.getInteger("it.smpprx.port");
    private static final PDUComposer COMPOSER = new DefaultComposer();

    private final List<EsmeClient> clients = new ArrayList<>();

    @AfterEach
    void unbind() {
        clients.forEach(EsmeClient::close);
    }

    private EsmeClient bind(BindType type, String user, String password) throws Exception {
        return bind(PORT, type, user, password);
    }

    private EsmeClient bind(int port, BindType type, String user, String password) throws Exception {
        EsmeClient client = EsmeClient.bind(HOST, port, type, user, password);
        clients.add(client);
        return client;
    }

    private static String unique(String label) {
        return label + " " + System.nanoTime() % 1_000_000;
    }

    @Test
    void eachBindErrorHasItsStatus() throws Exception {
        assertEquals(SMPPConstant.STAT_ESME_RINVSYSID, EsmeClient.bindStatus(HOST, PORT, BindType.BIND_TX, "nobody", "x"));
        assertEquals(SMPPConstant.STAT_ESME_RINVPASWD, EsmeClient.bindStatus(HOST, PORT, BindType.BIND_TX, "acme", "wrong"));
        assertEquals(SMPPConstant.STAT_ESME_RBINDFAIL, EsmeClient.bindStatus(HOST, PORT, BindType.BIND_TX, "denied", "pw"),
                "denied's ALLOWIPS leave the test's address out");
        assertEquals(SMPPConstant.STAT_ESME_ROK, EsmeClient.bindStatus(HOST, PORT, BindType.BIND_TRX, "acme", "secret"));
        assertEquals(SMPPConstant.STAT_ESME_RBINDFAIL, EsmeClient.bindStatus(HOST, RX_PORT, BindType.BIND_TX, "acme", "secret"),
                "smpp-rx's MODE allows receivers only");
        bind(RX_PORT, BindType.BIND_RX, "acme", "secret");
        assertEquals(SMPPConstant.STAT_ESME_RBINDFAIL, EsmeClient.bindStatus(HOST, RX_PORT, BindType.BIND_RX, "bob", "pw"),
                "smpp-rx's one INSTANCE is taken");
        try (RawSmppPeer peer = new RawSmppPeer(HOST, PORT)) {
            peer.send(COMPOSER.bind(SMPPConstant.CID_BIND_TRANSMITTER, 1, "acme", "secret", "", (byte) 0x34, (byte) 0,
                    (byte) 0, null));
            assertEquals(SMPPConstant.STAT_ESME_ROK, peer.read().commandStatus());
            peer.send(COMPOSER.bind(SMPPConstant.CID_BIND_RECEIVER, 2, "acme", "secret", "", (byte) 0x34, (byte) 0,
                    (byte) 0, null));
            assertEquals(SMPPConstant.STAT_ESME_RALYBND, peer.read().commandStatus());
            peer.send(COMPOSER.enquireLink(3));
            assertEquals(SMPPConstant.CID_ENQUIRE_LINK_RESP, peer.read().commandId(), "still bound");
        }
    }

    @Test
    void enquireLinkUnbindAndGenericNackOnARawSession() throws Exception {
        try (RawSmppPeer peer = new RawSmppPeer(HOST, PORT)) {
            peer.send(COMPOSER.bind(SMPPConstant.CID_BIND_TRANSCEIVER, 1, "bob", "pw", "", (byte) 0x34, (byte) 0,
                    (byte) 0, null));
            assertEquals(SMPPConstant.STAT_ESME_ROK, peer.read().commandStatus());

            peer.send(COMPOSER.composeHeader(0x00000111, 0, 2));
            RawSmppPeer.Pdu unknown = peer.read();
            peer.send(withBody(COMPOSER.enquireLink(3), 4));
            RawSmppPeer.Pdu tooLong = peer.read();
            peer.send(COMPOSER.enquireLink(4));
            RawSmppPeer.Pdu alive = peer.read();
            peer.send(COMPOSER.unbind(5));
            RawSmppPeer.Pdu unbound = peer.read();

            assertEquals(List.of(SMPPConstant.CID_GENERIC_NACK, SMPPConstant.STAT_ESME_RINVCMDID, 2),
                    List.of(unknown.commandId(), unknown.commandStatus(), unknown.sequenceNumber()));
            assertEquals(List.of(SMPPConstant.CID_GENERIC_NACK, SMPPConstant.STAT_ESME_RINVCMDLEN, 3),
                    List.of(tooLong.commandId(), tooLong.commandStatus(), tooLong.sequenceNumber()));
            assertEquals(List.of(SMPPConstant.CID_ENQUIRE_LINK_RESP, 0, 4),
                    List.of(alive.commandId(), alive.commandStatus(), alive.sequenceNumber()), "the session goes on");
            assertEquals(List.of(SMPPConstant.CID_UNBIND_RESP, 0, 5),
                    List.of(unbound.commandId(), unbound.commandStatus(), unbound.sequenceNumber()));
        }
    }

    /** The PDU with {@code extra} zero octets after it, counted in its command_length: a body where none belongs. */
    private static byte[] withBody(byte[] pdu, int extra) {
        ByteBuffer longer = ByteBuffer.allocate(pdu.length + extra).put(pdu);
        longer.putInt(0, pdu.length + extra);
        return longer.array();
    }

    @Test
    void aSubmitReachesTheSmscAndItsIdIsOurs() throws Exception {
        EsmeClient client = bind(BindType.BIND_TX, "acme", "secret");
        String text = unique("via smpp-in");

        String id = client.submit("4612", "46701234567", text);

        assertTrue(id.matches("7\\d{15}"), "node 7 id: " + id);
        assertTrue(Eventually.within(ARRIVAL, () -> arrived(text).size() == 1), "the submit reached the SMSC");
        assertEquals("46701234567", arrived(text).get(0).getDestAddress());
        assertTrue(Eventually.within(ARRIVAL, () -> operator.status(id).contains("SUBMITTED")), operator.status(id));
        assertEquals(MessageState.ENROUTE, client.query(id, "4612").getMessageState());
    }

    private List<SubmitSm> arrived(String text) {
        return smsc.accepted().stream()
                .filter(s -> text.equals(new String(s.getShortMessage(), StandardCharsets.ISO_8859_1))).toList();
    }

    @Test
    void aRefusedMessageGetsItsStatusAndSubmitMultiListsRefusedAddresses() throws Exception {
        EsmeClient client = bind(BindType.BIND_TRX, "acme", "secret");

        NegativeResponseException refused = assertThrows(NegativeResponseException.class,
                () -> client.submit("4612", "4699abc", "bad number"));
        SubmitMultiResult multi = client.submitMulti("4612", unique("multi"), "46701000011", "4699abc", "46701000012");
        String dataId = client.dataSm("4612", "46701000013", unique("data_sm"));

        assertEquals(SMPPConstant.STAT_ESME_RINVDSTADR, refused.getCommandStatus());
        assertTrue(multi.getMessageId().matches("7\\d{15}"), multi.getMessageId());
        assertEquals(1, multi.getUnsuccessDeliveries().length);
        assertEquals("4699abc", multi.getUnsuccessDeliveries()[0].getDestinationAddress().getAddress());
        assertEquals(SMPPConstant.STAT_ESME_RINVDSTADR, multi.getUnsuccessDeliveries()[0].getErrorStatusCode());
        assertTrue(dataId.matches("7\\d{15}"), dataId);
    }

    @Test
    void aQueuedMessageCanBeReplacedAndCancelledByItsOwnerOnly() throws Exception {
        EsmeClient acme = bind(BindType.BIND_TRX, "acme", "secret");
        EsmeClient bob = bind(BindType.BIND_TRX, "bob", "pw");
        String id = acme.submitTimed("4612", "46701000021", "later", null, "000000010000000R");

        acme.replace(id, "4612", "later, replaced");
        assertEquals(SMPPConstant.STAT_ESME_RCANCELFAIL,
                assertThrows(NegativeResponseException.class, () -> bob.cancel(id, "4612", "46701000021")).getCommandStatus());
        assertEquals(SMPPConstant.STAT_ESME_RQUERYFAIL,
                assertThrows(NegativeResponseException.class, () -> bob.query(id, "4612")).getCommandStatus());
        assertEquals(SMPPConstant.STAT_ESME_RREPLACEFAIL,
                assertThrows(NegativeResponseException.class, () -> bob.replace(id, "4612", "bob's")).getCommandStatus());
        acme.cancel(id, "4612", "46701000021");

        assertEquals(MessageState.DELETED, acme.query(id, "4612").getMessageState());
        assertEquals(SMPPConstant.STAT_ESME_RCANCELFAIL,
                assertThrows(NegativeResponseException.class, () -> acme.cancel(id, "4612", "46701000021")).getCommandStatus(),
                "a message no longer queued cannot be cancelled");
    }

    @Test
    void aMessageRoutedToAUserWaitsForItsReceiverToBind() throws Exception {
        String text = unique("waits for acme");
        HttpResponse<String> sent = gateway.post("/bin/send", GatewayHttp.params().add("USERNAME", "alice")
                .add("PASSWORD", "secret").add("SOURCEADDR", "12345").add("DESTADDR", "4613001").add("MESSAGE", text));
        assertEquals(200, sent.statusCode(), sent.body());

        // the scenario: nobody is bound for the first 5 s
        TimeUnit.SECONDS.sleep(5);
        EsmeClient acme = bind(BindType.BIND_RX, "acme", "secret");

        DeliverSm delivered = nextWithText(acme, text);
        assertEquals("4613001", delivered.getDestAddress());
        assertEquals("12345", delivered.getSourceAddr());
        String id = sent.body().trim();
        assertTrue(Eventually.within(ARRIVAL, () -> operator.status(id).contains("DELIVERED")), operator.status(id));
    }

    @Test
    void anMoFromTheSmscRoutedToAUserArrivesOnItsReceiver() throws Exception {
        EsmeClient acme = bind(BindType.BIND_TRX, "acme", "secret");
        String text = unique("mo for acme");

        smsc.sendDeliverSm("46709999999", "4614001", (byte) 0, text.getBytes(StandardCharsets.ISO_8859_1));

        assertEquals(Integer.valueOf(SMPPConstant.STAT_ESME_ROK), smsc.deliverSmResponses().poll(30, TimeUnit.SECONDS));
        DeliverSm delivered = nextWithText(acme, text);
        assertEquals("46709999999", delivered.getSourceAddr());
        assertEquals("4614001", delivered.getDestAddress());
    }

    @Test
    void aReceiptToAClientCarriesTheSmscsError() throws Exception {
        smsc.receiptsSay("UNDELIV", "069");
        EsmeClient acme = bind(BindType.BIND_TRX, "acme", "secret");
        String text = unique("fails at the handset");

        String id = acme.submit("4612", "46701000042", (byte) 0, text.getBytes(StandardCharsets.ISO_8859_1), true);

        String body = new String(nextReceiptOf(acme, id).getShortMessage(), StandardCharsets.ISO_8859_1);
        assertTrue(body.contains(" stat:UNDELIV err:069 text:"), body);
    }

    @Test
    void registeredDelivery0x11AlsoGetsTheIntermediateReceiptThenTheFinalOne() throws Exception {
        smsc.intermediateReceiptsSay("ENROUTE");
        EsmeClient acme = bind(BindType.BIND_TRX, "acme", "secret");
        String text = unique("on its way");

        String id = acme.submit("4612", "46701000043", (byte) 0, text.getBytes(StandardCharsets.ISO_8859_1),
                new RegisteredDelivery((byte) 0x11));

        List<DeliverSm> receipts = new ArrayList<>();
        long deadline = System.nanoTime() + ARRIVAL.toNanos();
        while (receipts.size() < 2 && System.nanoTime() < deadline) {
            DeliverSm sm = acme.nextDelivered(Duration.ofNanos(deadline - System.nanoTime()));
            if (sm != null && sm.getOptionalParameter(OptionalParameter.Tag.RECEIPTED_MESSAGE_ID)
                    instanceof OptionalParameter.OctetString named && id.equals(named.getValueAsString().trim())) {
                receipts.add(sm);
            }
        }
        // jSMPP's client may hand on two deliver_sm out of their order on the wire, so the two are told apart by kind
        receipts.sort(Comparator.comparingInt(DeliverSm::getEsmClass).reversed());
        assertEquals(List.of((byte) 0x20, (byte) 0x04), receipts.stream().map(DeliverSm::getEsmClass).toList(),
                "an intermediate notification and a receipt");
        assertTrue(new String(receipts.get(0).getShortMessage(), StandardCharsets.ISO_8859_1).contains(" stat:ENROUTE "));
        assertEquals((byte) 1, ((OptionalParameter.Byte) receipts.get(0).getOptionalParameter(OptionalParameter.Tag.MESSAGE_STATE)).getValue());
        assertTrue(new String(receipts.get(1).getShortMessage(), StandardCharsets.ISO_8859_1).contains(" stat:DELIVRD "));
        assertTrue(smsc.accepted().stream().anyMatch(sm -> sm.getDestAddress().equals("46701000043")
                && sm.getRegisteredDelivery() == 0x11), "the SMSC was asked for intermediate notifications too");
    }

    @Test
    void aDlrAskedForByATransmitterArrivesOnTheSameUsersReceiver() throws Exception {
        EsmeClient receiver = bind(BindType.BIND_RX, "acme", "secret");
        EsmeClient transmitter = bind(BindType.BIND_TX, "acme", "secret");
        String text = unique("report this");

        String id = transmitter.submit("4612", "46701000041", (byte) 0, text.getBytes(StandardCharsets.ISO_8859_1), true);

        DeliverSm receipt = nextReceiptOf(receiver, id);
        String body = new String(receipt.getShortMessage(), StandardCharsets.ISO_8859_1);
        assertTrue(body.startsWith("id:" + id + " sub:001 dlvrd:001 submit date:"), body);
        assertTrue(body.contains(" stat:DELIVRD err:000 text:" + text.substring(0, Math.min(20, text.length()))), body);
        assertEquals("46701000041", receipt.getSourceAddr());
        assertEquals("4612", receipt.getDestAddress());
        assertEquals((byte) 2, ((OptionalParameter.Byte) receipt.getOptionalParameter(OptionalParameter.Tag.MESSAGE_STATE)).getValue());
    }

    @Test
    void aDlrWaitsForAReceiverThatBindsFiveSecondsLater() throws Exception {
        EsmeClient transmitter = bind(BindType.BIND_TX, "acme", "secret");
        String text = unique("report later");

        String id = transmitter.submit("4612", "46701000051", (byte) 0, text.getBytes(StandardCharsets.ISO_8859_1), true);
        assertTrue(Eventually.within(ARRIVAL, () -> operator.status(id).contains("DLRSTATE=QUEUED")),
                () -> "the DLR is kept for acme's receiver: " + operator.status(id));

        // the scenario: nobody receives for acme for 5 s after the DLR was kept
        TimeUnit.SECONDS.sleep(5);
        EsmeClient receiver = bind(BindType.BIND_RX, "acme", "secret");

        DeliverSm receipt = nextReceiptOf(receiver, id);
        assertTrue(new String(receipt.getShortMessage(), StandardCharsets.ISO_8859_1).contains(" stat:DELIVRD "));
        assertTrue(Eventually.within(ARRIVAL, () -> operator.status(id).contains("DLRSTATE=DELIVERED")), operator.status(id));
    }

    /** The first receipt deliver_sm naming our id; others (left over from earlier tests) are skipped. */
    static DeliverSm nextReceiptOf(EsmeClient client, String id) throws InterruptedException {
        long deadline = System.nanoTime() + ARRIVAL.toNanos();
        while (System.nanoTime() < deadline) {
            DeliverSm sm = client.nextDelivered(Duration.ofNanos(deadline - System.nanoTime()));
            if (sm != null && (sm.getEsmClass() & 0x04) != 0 && sm.getOptionalParameter(OptionalParameter.Tag.RECEIPTED_MESSAGE_ID)
                    instanceof OptionalParameter.OctetString named && id.equals(named.getValueAsString().trim())) {
                return sm;
            }
        }
        assertNotNull(null, "no receipt for " + id);
        return null;
    }

    @Test
    void twoHundredConcurrentBindsAreServed() throws Exception {
        ExecutorService binders = Executors.newFixedThreadPool(200);
        List<Future<EsmeClient>> binds = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            binds.add(binders.submit(() -> EsmeClient.bind(HOST, PORT, BindType.BIND_TRX, "bob", "pw")));
        }
        for (Future<EsmeClient> bind : binds) {
            clients.add(bind.get(120, TimeUnit.SECONDS));
        }
        binders.shutdown();

        assertTrue(clients.stream().allMatch(EsmeClient::isBound));
        // the sessions live on the adapter's own threads: WildFly's pools stay as they were, nothing queued or refused
        ModelNode ejbPool = runtime("subsystem", "ejb3", "thread-pool", "default");
        assertEquals(0, ejbPool.get("rejected-count").asInt(), ejbPool.toString());
        assertEquals(0, ejbPool.get("queue-size").asInt(), ejbPool.toString());
        ModelNode ioWorker = runtime("subsystem", "io", "worker", "default");
        assertEquals(0, ioWorker.get("queue-size").asInt(), ioWorker.toString());
        assertTrue(ioWorker.get("busy-task-thread-count").asInt() < ioWorker.get("max-pool-size").asInt(), ioWorker.toString());
        String text = unique("after 200 binds");
        assertTrue(clients.get(199).submit("4612", "46701000031", text).matches("7\\d{15}"));
        assertTrue(Eventually.within(ARRIVAL, () -> arrived(text).size() == 1));
        assertEquals(200, gateway.post("/bin/send", GatewayHttp.params().add("USERNAME", "alice")
                .add("PASSWORD", "secret").add("DESTADDR", "46701000032").add("MESSAGE", "http still")).statusCode());
    }

    /** A resource of the server's management model with its runtime attributes. */
    private ModelNode runtime(String... path) throws IOException {
        ModelNode op = new ModelNode();
        op.get("operation").set("read-resource");
        op.get("include-runtime").set(true);
        for (int i = 0; i < path.length; i += 2) {
            op.get("address").add(path[i], path[i + 1]);
        }
        ModelNode result = management.getControllerClient().execute(op);
        assertEquals("success", result.get("outcome").asString(), result.toString());
        return result.get("result");
    }

    /** The first deliver_sm with this text; others (left over from earlier tests) are skipped. */
    private static DeliverSm nextWithText(EsmeClient client, String text) throws InterruptedException {
        long deadline = System.nanoTime() + ARRIVAL.toNanos();
        while (System.nanoTime() < deadline) {
            DeliverSm sm = client.nextDelivered(Duration.ofNanos(deadline - System.nanoTime()));
            if (sm != null && text.equals(new String(sm.getShortMessage(), StandardCharsets.ISO_8859_1))) {
                return sm;
            }
        }
        assertNotNull(null, "no deliver_sm with " + text);
        return null;
    }
}
