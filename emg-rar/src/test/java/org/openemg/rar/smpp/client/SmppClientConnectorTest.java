package org.openemg.rar.smpp.client;


import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import org.jsmpp.SMPPConstant;
import org.jsmpp.bean.OptionalParameter;
import org.jsmpp.bean.SubmitSm;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.openemg.core.message.OptionNames;
import org.openemg.core.message.Options;
import org.openemg.core.receipt.SmscId;
import org.openemg.core.config.BindMode;
import org.openemg.core.text.Reassembler;
import org.openemg.rar.api.SendOutcome;
import org.openemg.rar.api.OutgoingMessage;
import org.openemg.rar.api.SendResult;
import org.openemg.rar.work.ThreadPerTask;
import org.openemg.testkit.Eventually;
import org.openemg.testkit.SmscSimulator;

class SmppClientConnectorTest {

    private static final ClientTimings FAST = new ClientTimings(Duration.ofSeconds(5), Duration.ofSeconds(60),
            Duration.ofSeconds(10), Duration.ofSeconds(2), Duration.ofMillis(300), Duration.ofMillis(100),
            Duration.ofSeconds(1), Duration.ofMillis(10), 500);
    /** Results gathered for up to 2 s: what does not wait for them runs ahead of them. */
    private static final ClientTimings LINGERING_RESULTS = new ClientTimings(Duration.ofSeconds(5), Duration.ofSeconds(60),
            Duration.ofSeconds(10), Duration.ofSeconds(2), Duration.ofMillis(300), Duration.ofMillis(100),
            Duration.ofSeconds(1), Duration.ofSeconds(2), 500);

    private final List<AutoCloseable> cleanup = new ArrayList<>();
    private final CollectedResults results = new CollectedResults();
    private final BlockingQueue<Options> delivered = new LinkedBlockingQueue<>();
    private volatile int deliverStatus;
    private final List<Integer> deliverGroups = new CopyOnWriteArrayList<>();
    private volatile long deliverPauseMillis;
    private final List<String> receiptsBeforeTheirResults = new CopyOnWriteArrayList<>();

    @AfterEach
    void cleanUp() throws Exception {
        for (int i = cleanup.size() - 1; i >= 0; i--) {
            cleanup.get(i).close();
        }
    }

    @ParameterizedTest
    @EnumSource(BindMode.class)
    void bindsInEachModeWithItsCredentials(BindMode mode) throws Exception {
        SmscSimulator smsc = simulator();
        SmppClientConnector connector = start(settings(smsc.port(), 1, mode, 10, 30), FAST);

        SmscSimulator.BindSeen bind = smsc.binds().poll(30, TimeUnit.SECONDS);
        assertNotNull(bind);
        int expected = switch (mode) {
            case TRANSMITTER -> SMPPConstant.CID_BIND_TRANSMITTER;
            case RECEIVER -> SMPPConstant.CID_BIND_RECEIVER;
            case TRANSCEIVER -> SMPPConstant.CID_BIND_TRANSCEIVER;
        };
        assertEquals(new SmscSimulator.BindSeen(expected, "emg", "secret", "EMG", (byte) 0x34), bind);
        await(() -> connector.boundCount() == 1, "bound");

        connector.submit(List.of(request(1, "hello")));
        results.awaitCount(1);
        assertEquals(mode == BindMode.RECEIVER ? SendOutcome.LINK_LOST : SendOutcome.ACCEPTED,
                results.get(1).outcome());
        assertEquals(mode == BindMode.RECEIVER ? 0 : 1, results.linksUp(), "a bind that takes submits wakes the gateway");
    }

    @Test
    void thousandSubmitsOverTwoBindsNeverExceedTheWindow() throws Exception {
        SmscSimulator smsc = simulator();
        SmppClientConnector connector = start(settings(smsc.port(), 2, BindMode.TRANSCEIVER, 10, 30), FAST);
        await(() -> connector.boundCount() == 2, "both bound");

        for (int batch = 0; batch < 10; batch++) {
            List<OutgoingMessage> requests = new ArrayList<>();
            for (int i = 0; i < 100; i++) {
                int id = batch * 100 + i;
                requests.add(request(id, "text " + id));
            }
            connector.submit(requests);
        }
        results.awaitCount(1000);

        List<SendResult> all = results.all();
        assertTrue(all.stream().allMatch(r -> r.outcome() == SendOutcome.ACCEPTED && r.protocolStatus() == 0));
        assertEquals(1000, all.stream().map(SendResult::remoteId).distinct().count());
        assertEquals(0, results.duplicates());
        assertTrue(results.calls() < 500, "results not grouped: " + results.calls() + " calls");
        assertTrue(smsc.maxUnanswered() <= 10, "window exceeded: " + smsc.maxUnanswered());
        assertEquals(Set.of("out1"), new HashSet<>(results.connectors()));

        Map<String, SubmitSm> byText = smsc.submits().stream().collect(Collectors.toMap(
                sm -> new String(sm.getShortMessage(), StandardCharsets.ISO_8859_1), sm -> sm));
        assertEquals(1000, byText.size());
        SubmitSm sm = byText.get("text 417");
        assertEquals("46700000417", sm.getDestAddress());
        assertEquals(1, sm.getDestAddrTon());
        assertEquals(1, sm.getDestAddrNpi());
        assertEquals("EMG", sm.getSourceAddr());
        assertEquals(5, sm.getSourceAddrTon());
        assertEquals(0, sm.getSourceAddrNpi());
        assertEquals(0, sm.getDataCoding());
        assertEquals(2, smsc.binds().size());
    }

    @Test
    void throughputSpacesTheSubmitsOverAllBindsButNotDeliveryReports() throws Exception {
        SmscSimulator smsc = simulator();
        OutgoingSmppSettings paced = new OutgoingSmppSettings("out1", "127.0.0.1", smsc.port(), 2, BindMode.TRANSMITTER,
                "emg", "secret", "EMG", 10, 30, 20);
        SmppClientConnector connector = start(paced, FAST);
        await(() -> connector.boundCount() == 2, "both bound");

        long start = System.nanoTime();
        List<OutgoingMessage> requests = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            requests.add(request(i, "paced " + i));
        }
        connector.submit(requests);
        results.awaitCount(6);
        long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        // six submits at 20/s over both binds: slots at 0, 50, ... 250 ms
        assertTrue(millis >= 240, millis + " ms");

        List<OutgoingMessage> reports = new ArrayList<>();
        for (int i = 10; i < 30; i++) {
            OutgoingMessage report = request(i, "report " + i);
            report.options().set(OptionNames.MSGTYPE, "5");
            reports.add(report);
        }
        long reportsStart = System.nanoTime();
        connector.submit(reports);
        results.awaitCount(26);
        long reportMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - reportsStart);
        assertTrue(reportMillis < 900, "twenty DLRs at 20/s would take a second: " + reportMillis + " ms");
    }

    @Test
    void smscErrorsBecomeRetryThrottledOrRejected() throws Exception {
        SmscSimulator smsc = simulator();
        smsc.answerSubmits(sm -> switch (new String(sm.getShortMessage(), StandardCharsets.ISO_8859_1)) {
            case "full" -> 0x14;
            case "syserr" -> 0x08;
            case "nack" -> SmscSimulator.GENERIC_NACK;
            case "baddest" -> 0x0B;
            case "failed" -> 0x45;
            default -> 0;
        });
        SmppClientConnector connector = start(settings(smsc.port(), 1, BindMode.TRANSMITTER, 10, 30), FAST);
        await(() -> connector.boundCount() == 1, "bound");

        connector.submit(List.of(request(1, "full"), request(2, "syserr"), request(3, "nack"), request(4, "baddest"),
                request(5, "failed"), request(6, "fine")));
        results.awaitCount(6);

        assertEquals(new SendResult(1, SendOutcome.RETRY, 0x14, null), results.get(1));
        assertEquals(new SendResult(2, SendOutcome.RETRY, 0x08, null), results.get(2));
        assertEquals(new SendResult(3, SendOutcome.RETRY, 0x08, null), results.get(3));
        assertEquals(new SendResult(4, SendOutcome.REJECTED, 0x0B, null), results.get(4));
        assertEquals(new SendResult(5, SendOutcome.REJECTED, 0x45, null), results.get(5));
        assertEquals(SendOutcome.ACCEPTED, results.get(6).outcome());
    }

    @Test
    void throttlingPausesTheBind() throws Exception {
        SmscSimulator smsc = simulator();
        smsc.answerSubmits(sm -> sm.getShortMessage().length == 4 ? 0x58 : 0);
        SmppClientConnector connector = start(settings(smsc.port(), 1, BindMode.TRANSMITTER, 10, 30), FAST);
        await(() -> connector.boundCount() == 1, "bound");

        connector.submit(List.of(request(1, "slow")));
        results.awaitCount(1);
        long throttledAt = System.nanoTime();
        assertEquals(new SendResult(1, SendOutcome.THROTTLED, 0x58, null), results.get(1));

        connector.submit(List.of(request(2, "after")));
        results.awaitCount(2);
        assertEquals(SendOutcome.ACCEPTED, results.get(2).outcome());
        assertTrue(System.nanoTime() - throttledAt >= TimeUnit.MILLISECONDS.toNanos(200),
                "the bind did not pause after ESME_RTHROTTLED");
    }

    @Test
    void linkClosedMidBatchAnswersEveryRequestOnceAndRebinds() throws Exception {
        SmscSimulator smsc = simulator();
        smsc.dropLinksAtSubmit(25);
        SmppClientConnector connector = start(settings(smsc.port(), 1, BindMode.TRANSCEIVER, 10, 30), FAST);
        await(() -> connector.boundCount() == 1, "bound");

        List<OutgoingMessage> batch = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            batch.add(request(i, "m" + i));
        }
        connector.submit(batch);
        results.awaitCount(100);
        Map<SendOutcome, Long> outcomes = results.all().stream()
                .collect(Collectors.groupingBy(SendResult::outcome, Collectors.counting()));
        assertEquals(Set.of(SendOutcome.ACCEPTED, SendOutcome.LINK_LOST), outcomes.keySet(), outcomes::toString);

        await(() -> smsc.binds().size() == 2 && connector.boundCount() == 1, "rebound");
        connector.submit(List.of(request(100, "again")));
        results.awaitCount(101);
        assertEquals(SendOutcome.ACCEPTED, results.get(100).outcome());
        assertEquals(0, results.duplicates());
        assertEquals(101, results.size());
    }

    @Test
    void smscUnbindIsAnsweredAndTheBindComesBack() throws Exception {
        SmscSimulator smsc = simulator();
        SmppClientConnector connector = start(settings(smsc.port(), 1, BindMode.TRANSCEIVER, 10, 30), FAST);
        await(() -> connector.boundCount() == 1, "bound");

        smsc.unbindAll();

        await(() -> smsc.binds().size() == 2 && connector.boundCount() == 1, "rebound");
    }

    @Test
    void enquireLinkIsSentEveryKeepAlive() throws Exception {
        SmscSimulator smsc = simulator();
        SmppClientConnector connector = start(settings(smsc.port(), 1, BindMode.TRANSCEIVER, 10, 1), FAST);

        await(() -> smsc.enquireLinks() >= 3, "three enquire_link");
        assertEquals(1, connector.boundCount());
        assertEquals(1, smsc.binds().size());
    }

    @Test
    void silentSmscIsDroppedAndRebound() throws Exception {
        SmscSimulator smsc = simulator();
        smsc.answerEnquireLinks(false);
        SmppClientConnector connector = start(settings(smsc.port(), 1, BindMode.TRANSCEIVER, 10, 1), FAST);
        await(() -> connector.boundCount() == 1, "bound");

        await(() -> smsc.binds().size() >= 2, "rebind after the link went silent");
    }

    @Test
    void smscThatStopsReadingIsDroppedEveryRequestAnsweredOnceAndTheBindComesBack() throws Exception {
        SmscSimulator smsc = simulator();
        smsc.stallLinks(1);
        Duration responseTimeout = Duration.ofSeconds(2);
        ClientTimings timings = new ClientTimings(FAST.bindResponse(), responseTimeout,
                FAST.enquireLinkResponse(), FAST.unbindResponse(), FAST.throttlePause(), FAST.firstBackoff(),
                FAST.maxBackoff(), FAST.resultFlushInterval(), FAST.resultFlushSize());
        // a window this large lets the sender write far more than loopback TCP buffers hold (about 12 MB)
        int count = 60_000;
        SmppClientConnector connector = start(settings(smsc.port(), 1, BindMode.TRANSCEIVER, count, 30), timings);
        await(() -> connector.boundCount() == 1, "bound");

        String body = "x".repeat(140);
        List<OutgoingMessage> batch = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            batch.add(request(i, body));
        }
        long submittedAt = System.nanoTime();
        connector.submit(batch);
        results.awaitCount(count);
        long took = System.nanoTime() - submittedAt;

        assertEquals(0, results.duplicates());
        Map<SendOutcome, Long> outcomes = results.all().stream()
                .collect(Collectors.groupingBy(SendResult::outcome, Collectors.counting()));
        assertTrue(Set.of(SendOutcome.LINK_LOST, SendOutcome.RETRY).containsAll(outcomes.keySet()),
                outcomes::toString);
        assertTrue(took < responseTimeout.toNanos() + TimeUnit.SECONDS.toNanos(15),
                "results took " + TimeUnit.NANOSECONDS.toMillis(took) + " ms");

        // keepalive is 30 s, so only the watchdog can have closed the stalled link this soon
        await(() -> smsc.binds().size() == 2 && connector.boundCount() == 1, "rebound");
        connector.submit(List.of(request(count, "again")));
        results.awaitCount(count + 1);
        assertEquals(SendOutcome.ACCEPTED, results.get(count).outcome());
        assertEquals(0, results.duplicates());
    }

    @Test
    void interruptDuringTheThrottlePauseGivesTheBatchBack() throws Exception {
        ConnectorParts parts = ConnectorParts.of(settings(1, 1, BindMode.TRANSMITTER, 10, 30),
                results, (name, group) -> group.stream().map(sm -> 0).toList(), new ThreadPerTask(), FAST);
        SmppClientConnector connector = new SmppClientConnector(parts);
        SmppSession session = new SmppSession(parts, "out1#0");
        parts.queue().takerBound();
        List<OutgoingMessage> batch = List.of(request(1, "a"), request(2, "b"), request(3, "c"));
        connector.submit(batch);
        session.pauseSubmits(System.nanoTime() + TimeUnit.MINUTES.toNanos(1));

        Thread.currentThread().interrupt();
        try {
            assertThrows(InterruptedException.class, () -> session.takeBatch(10, TimeUnit.SECONDS.toNanos(1)));
        } finally {
            Thread.interrupted();
        }

        assertEquals(0, results.size());
        assertEquals(batch, parts.queue().take(10, 0));
    }

    @Test
    void interruptDuringTheThrottlePauseWithNoBindLeftAnswersLinkLost() throws Exception {
        ConnectorParts parts = ConnectorParts.of(settings(1, 1, BindMode.TRANSMITTER, 10, 30),
                results, (name, group) -> group.stream().map(sm -> 0).toList(), new ThreadPerTask(), FAST);
        SmppClientConnector connector = new SmppClientConnector(parts);
        SmppSession session = new SmppSession(parts, "out1#0");
        parts.queue().takerBound();
        connector.submit(List.of(request(1, "a"), request(2, "b")));
        session.pauseSubmits(System.nanoTime() + TimeUnit.MINUTES.toNanos(1));
        // the batch is taken first, so the queue the last bind leaves is empty when the interrupt comes
        Thread waiter = new Thread(() -> {
            try {
                session.takeBatch(10, TimeUnit.SECONDS.toNanos(1));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        waiter.start();
        await(() -> waiter.getState() == Thread.State.TIMED_WAITING
                && Arrays.stream(waiter.getStackTrace()).anyMatch(f -> f.getMethodName().equals("awaitPauseEnd")),
                "batch taken and held");
        assertEquals(List.of(), parts.queue().takerLost());
        waiter.interrupt();
        waiter.join(TimeUnit.SECONDS.toMillis(30));

        results.awaitCount(2);
        assertTrue(results.all().stream().allMatch(r -> r.outcome() == SendOutcome.LINK_LOST));
        assertEquals(0, results.duplicates());
    }

    @Test
    void unansweredSubmitIsRetriedAfterTheResponseTimeout() throws Exception {
        SmscSimulator smsc = simulator();
        smsc.answerSubmits(sm -> SmscSimulator.NO_ANSWER);
        ClientTimings timings = new ClientTimings(FAST.bindResponse(), Duration.ofMillis(300),
                FAST.enquireLinkResponse(), FAST.unbindResponse(), FAST.throttlePause(), FAST.firstBackoff(),
                FAST.maxBackoff(), FAST.resultFlushInterval(), FAST.resultFlushSize());
        SmppClientConnector connector = start(settings(smsc.port(), 1, BindMode.TRANSMITTER, 2, 30), timings);
        await(() -> connector.boundCount() == 1, "bound");

        connector.submit(List.of(request(1, "a"), request(2, "b"), request(3, "c")));
        results.awaitCount(3);

        assertTrue(results.all().stream().allMatch(r -> r.outcome() == SendOutcome.RETRY));
        assertEquals(3, smsc.submits().size(), "the expired submits freed their window slots");
    }

    @Test
    void deliverSmReachesTheHandlerAndIsAnsweredWithItsStatus() throws Exception {
        SmscSimulator smsc = simulator();
        SmppClientConnector connector = start(settings(smsc.port(), 1, BindMode.RECEIVER, 10, 30), FAST);
        await(() -> connector.boundCount() == 1, "bound");

        byte[] receipt = "id:0A1B sub:001 dlvrd:001 stat:DELIVRD err:000 text:hi".getBytes(StandardCharsets.US_ASCII);
        smsc.sendDeliverSm("46700000001", "EMG", (byte) 0x04, receipt,
                new OptionalParameter.Receipted_message_id("0A1B"), new OptionalParameter.Message_state((byte) 2));
        Options event = delivered.poll(30, TimeUnit.SECONDS);
        assertEquals(Integer.valueOf(0), smsc.deliverSmResponses().poll(30, TimeUnit.SECONDS));

        assertNotNull(event);
        assertEquals("5", event.get("MSGTYPE"));
        assertEquals("46700000001", event.get("SOURCEADDR"));
        assertEquals("EMG", event.get("DESTADDR"));
        assertEquals(new String(receipt, StandardCharsets.US_ASCII), event.get("MESSAGE"));
        assertEquals("0A1B", event.get("SMSCID"));
        assertEquals("DELIVERED", event.get("MESSAGESTATE"));

        deliverStatus = 0x08;
        byte[] payload = "a long MO".getBytes(StandardCharsets.US_ASCII);
        smsc.sendDeliverSm("46700000002", "EMG", (byte) 0, new byte[0], new OptionalParameter.Message_payload(payload));
        Options mo = delivered.poll(30, TimeUnit.SECONDS);
        assertEquals(Integer.valueOf(0x08), smsc.deliverSmResponses().poll(30, TimeUnit.SECONDS));
        assertNotNull(mo);
        assertEquals("a long MO", mo.get("MESSAGE"));
        assertNull(mo.get("SMSCID"));
        assertNull(mo.get("MSGTYPE"));
    }

    @Test
    void deliverSmThatArriveWhileAGroupIsKeptGoToTheGatewayAsTheNextGroup() throws Exception {
        SmscSimulator smsc = simulator();
        SmppClientConnector connector = start(settings(smsc.port(), 1, BindMode.RECEIVER, 10, 30), FAST);
        await(() -> connector.boundCount() == 1, "bound");
        deliverPauseMillis = 300;

        for (int i = 0; i < 50; i++) {
            byte[] receipt = ("id:" + i + " sub:001 dlvrd:001 stat:DELIVRD err:000 text:hi").getBytes(StandardCharsets.US_ASCII);
            smsc.sendDeliverSm("46700000001", "EMG", (byte) 0x04, receipt);
        }
        for (int i = 0; i < 50; i++) {
            assertEquals(Integer.valueOf(0), smsc.deliverSmResponses().poll(30, TimeUnit.SECONDS), "answer " + i);
        }

        assertEquals(50, deliverGroups.stream().mapToInt(Integer::intValue).sum());
        assertTrue(deliverGroups.size() <= 3, "one call a group, not one a deliver_sm: " + deliverGroups);
    }

    @Test
    void aReceiptReachesTheGatewayAfterTheResultOfItsSubmit() throws Exception {
        SmscSimulator smsc = simulator();
        SmppClientConnector connector = start(settings(smsc.port(), 1, BindMode.TRANSCEIVER, 10, 30), LINGERING_RESULTS);
        await(() -> connector.boundCount() == 1, "bound");

        List<OutgoingMessage> requests = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            Options options = new Options()
                    .set(OptionNames.SOURCEADDR, "EMG")
                    .set(OptionNames.DESTADDR, String.format("+467%08d", i))
                    .set(OptionNames.MESSAGE, "with a receipt " + i)
                    .set(OptionNames.DLR, "1");
            requests.add(new OutgoingMessage(i, StoredPart.of(options)));
        }
        connector.submit(requests);
        results.awaitCount(200);
        List<Options> receipts = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            Options receipt = delivered.poll(30, TimeUnit.SECONDS);
            assertNotNull(receipt, "receipt " + i);
            receipts.add(receipt);
        }

        // the SMSC sends each receipt just after the submit_sm_resp: the gateway must have its result first
        assertEquals(List.of(), receiptsBeforeTheirResults, "receipts handed on before the results of their submits");
        assertEquals(200, receipts.stream().map(r -> r.get("SMSCID")).distinct().count());
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Test
    void stopUnbindsAndAnswersLeftoversLinkLost() throws Exception {
        SmscSimulator smsc = simulator();
        smsc.answerSubmits(sm -> SmscSimulator.NO_ANSWER);
        SmppClientConnector connector = start(settings(smsc.port(), 1, BindMode.TRANSMITTER, 5, 30), FAST);
        await(() -> connector.boundCount() == 1, "bound");
        List<OutgoingMessage> batch = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            batch.add(request(i, "m" + i));
        }
        connector.submit(batch);
        await(() -> smsc.submits().size() == 5, "window filled");

        connector.stop();

        assertEquals(1, smsc.unbinds());
        assertEquals(20, results.size());
        assertTrue(results.all().stream().allMatch(r -> r.outcome() == SendOutcome.LINK_LOST));
        assertEquals(0, connector.boundCount());
        connector.submit(List.of(request(99, "late")));
        assertEquals(SendOutcome.LINK_LOST, results.get(99).outcome());
    }

    @Test
    void smscDownAtStartIsRetriedUntilItComesUp() throws Exception {
        int port;
        try (ServerSocket reserved = new ServerSocket(0)) {
            port = reserved.getLocalPort();
        }
        CountDownLatch failed = new CountDownLatch(1);
        Logger log = Logger.getLogger(SmscBind.class.getName());
        Handler watcher = new Handler() {
            @Override
            public void publish(LogRecord record) {
                if (record.getLevel() == Level.WARNING) {
                    failed.countDown();
                }
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        log.addHandler(watcher);
        cleanup.add(() -> log.removeHandler(watcher));
        SmppClientConnector connector = start(settings(port, 1, BindMode.TRANSCEIVER, 10, 30), FAST);
        assertTrue(failed.await(30, TimeUnit.SECONDS));
        assertEquals(0, connector.boundCount());
        connector.submit(List.of(request(1, "nobody bound")));
        results.awaitCount(1);
        assertEquals(SendOutcome.LINK_LOST, results.get(1).outcome());

        SmscSimulator smsc = SmscSimulator.on(port).start();
        cleanup.add(smsc);

        await(() -> connector.boundCount() == 1, "bound once the SMSC is up");
    }

    private SmscSimulator simulator() throws Exception {
        SmscSimulator smsc = SmscSimulator.on(0).start();
        cleanup.add(smsc);
        return smsc;
    }

    private SmppClientConnector start(OutgoingSmppSettings settings, ClientTimings timings) {
        DeliverSmReader reader = new DeliverSmReader(new Reassembler(Clock.systemUTC(), Duration.ofSeconds(60)));
        SmppClientConnector connector = new SmppClientConnector(settings, results, (name, group) -> {
            deliverGroups.add(group.size());
            pause(deliverPauseMillis);
            for (var deliverSm : group) {
                Options event = reader.read(deliverSm).orElseThrow();
                String smscId = event.get("SMSCID");
                if (smscId != null && results.all().stream().noneMatch(
                        r -> r.remoteId() != null && SmscId.candidates(smscId).contains(SmscId.normalise(r.remoteId())))) {
                    receiptsBeforeTheirResults.add(smscId);
                }
                delivered.add(event);
            }
            return group.stream().map(deliverSm -> deliverStatus).toList();
        }, new ThreadPerTask(), timings);
        connector.start();
        cleanup.add(connector::stop);
        return connector;
    }

    private static OutgoingSmppSettings settings(int port, int instances, BindMode mode, int window, int keepAlive) {
        return new OutgoingSmppSettings("out1", "127.0.0.1", port, instances, mode, "emg", "secret", "EMG", window,
                keepAlive);
    }

    private static OutgoingMessage request(long id, String text) {
        Options options = new Options()
                .set(OptionNames.SOURCEADDR, "EMG")
                .set(OptionNames.DESTADDR, String.format("+467%08d", id))
                .set(OptionNames.MESSAGE, text);
        return new OutgoingMessage(id, StoredPart.of(options));
    }

    private static void await(BooleanSupplier condition, String what) throws InterruptedException {
        assertTrue(Eventually.within(Duration.ofSeconds(30), condition), "timed out waiting: " + what);
    }
}
