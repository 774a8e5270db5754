package org.openemg.rar.smpp.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.jsmpp.SMPPConstant;
import org.jsmpp.util.DefaultComposer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openemg.core.config.BindMode;
import org.openemg.core.message.OptionNames;
import org.openemg.core.message.Options;
import org.openemg.core.text.ConcatReferences;
import org.openemg.core.text.MessageSplitter;
import org.openemg.core.text.TextSettings;
import org.openemg.rar.api.OutgoingMessage;
import org.openemg.rar.api.SendOutcome;
import org.openemg.rar.api.SendResult;
import org.openemg.rar.smpp.link.PeerSocket;
import org.openemg.rar.smpp.link.PeerSocket.Pdu;
import org.openemg.rar.work.ResultsOnly;
import org.openemg.rar.work.TaskThreads;
import org.openemg.rar.work.ThreadPerTask;

/** One session on its own, against a raw peer: what it takes from its parts and gives back to them. */
class SmppSessionTest {

    private static final DefaultComposer COMPOSER = new DefaultComposer();
    private static final ClientTimings TIMINGS = new ClientTimings(Duration.ofSeconds(5), Duration.ofSeconds(60),
            Duration.ofSeconds(10), Duration.ofSeconds(2), Duration.ofMillis(300), Duration.ofMillis(100),
            Duration.ofSeconds(1), Duration.ofMillis(10), 500);

    private final ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
    private final BlockingQueue<SendResult> results = new LinkedBlockingQueue<>();
    private final ThreadPerTask threads = new ThreadPerTask();
    private static final Executor NEW_THREAD = task -> new Thread(task).start();

    private SmppSession session;
    private DeliverGroups deliveries;
    private PeerSocket peer;

    SmppSessionTest() throws IOException {
    }

    @AfterEach
    void close() throws IOException {
        if (deliveries != null) {
            deliveries.stop();
        }
        if (session != null) {
            session.lose("test over");
        }
        if (peer != null) {
            peer.close();
        }
        server.close();
    }

    @Test
    void bindsWithItsCredentialsCountsItselfBoundAndCountsDownOnceWhenLost() throws Exception {
        ConnectorParts parts = parts(BindMode.TRANSMITTER, threads);
        session = new SmppSession(parts, "out1#0");
        CompletableFuture<Void> opening = open(session);
        peer = new PeerSocket(server);
        Pdu bind = peer.read();
        assertEquals(SMPPConstant.CID_BIND_TRANSMITTER, bind.commandId());
        assertEquals("emg\0secret\0EMG\0", new String(bind.body(), 0, 15, StandardCharsets.ISO_8859_1));
        assertEquals(0x34, bind.body()[15]);

        peer.send(COMPOSER.bindResp(SMPPConstant.CID_BIND_TRANSMITTER_RESP, bind.sequenceNumber(), "SMSC"));
        opening.get(30, TimeUnit.SECONDS);
        assertEquals(1, parts.bound().count());
        assertTrue(parts.queue().offer(List.of(request(1))), "a bound transmitter takes from the queue");

        peer.close();
        awaitResult(1, SendOutcome.LINK_LOST);
        session.lose("again");
        assertEquals(0, parts.bound().count());
        assertTrue(session.lossReason().startsWith("read failed"), "the first loss gives the reason");
    }

    @Test
    void aRefusedBindIsAnErrorWithItsStatusAndCountsNothing() throws Exception {
        ConnectorParts parts = parts(BindMode.TRANSCEIVER, threads);
        deliveries = parts.deliveries();
        threads.start("out1-deliveries", deliveries);
        session = new SmppSession(parts, "out1#0");
        CompletableFuture<Void> opening = open(session);
        peer = new PeerSocket(server);
        Pdu bind = peer.read();

        peer.send(COMPOSER.genericNack(SMPPConstant.STAT_ESME_RINVPASWD, bind.sequenceNumber()));

        ExecutionException refused = assertThrows(ExecutionException.class,
                () -> opening.get(30, TimeUnit.SECONDS));
        assertEquals("bind refused with status 0x0000000E", refused.getCause().getCause().getMessage());
        assertFalse(refused.getCause().getCause().getMessage().contains("secret"));
        assertEquals(0, parts.bound().count());
        assertFalse(parts.queue().offer(List.of(request(1))));
    }

    @Test
    void withoutAThreadForItsReaderTheSessionDoesNotBind() throws Exception {
        AtomicInteger refused = new AtomicInteger();
        TaskThreads none = (name, task) -> {
            refused.incrementAndGet();
            throw new RejectedExecutionException("all 0 adapter threads are taken: " + name + " not started");
        };
        ConnectorParts parts = parts(BindMode.TRANSCEIVER, none);
        session = new SmppSession(parts, "out1#0");
        CompletableFuture<Void> opening = open(session);
        peer = new PeerSocket(server);

        ExecutionException failed = assertThrows(ExecutionException.class,
                () -> opening.get(30, TimeUnit.SECONDS));
        assertTrue(failed.getCause().getCause().getMessage().contains("smpp-out1#0-reader not started"),
                failed.getCause().getCause().getMessage());
        assertEquals(1, refused.get());
        assertTrue(peer.readsEnd(), "the connection is closed, no bind was sent");
        assertEquals(0, parts.bound().count());
    }

    @Test
    void servesTheQueueThroughItsWindowAndAnswersDeliverSmWithTheHandlersStatus() throws Exception {
        ConnectorParts parts = parts(BindMode.TRANSCEIVER, threads);
        deliveries = parts.deliveries();
        threads.start("out1-deliveries", deliveries);
        session = new SmppSession(parts, "out1#0");
        CompletableFuture<Void> opening = open(session);
        peer = new PeerSocket(server);
        Pdu bind = peer.read();
        peer.send(COMPOSER.bindResp(SMPPConstant.CID_BIND_TRANSCEIVER_RESP, bind.sequenceNumber(), "SMSC"));
        opening.get(30, TimeUnit.SECONDS);
        CompletableFuture.runAsync(session::serve, NEW_THREAD);

        parts.queue().offer(List.of(request(1), request(2), request(3)));
        Pdu first = peer.read();
        Pdu second = peer.read();
        assertEquals(SMPPConstant.CID_SUBMIT_SM, first.commandId());
        assertEquals(SMPPConstant.CID_SUBMIT_SM, second.commandId());
        peer.send(COMPOSER.submitSmResp(second.sequenceNumber(), "B2"), COMPOSER.submitSmResp(first.sequenceNumber(), "A1"));
        Pdu third = peer.read();
        assertEquals(SMPPConstant.CID_SUBMIT_SM, third.commandId(), "a window of 2 took the third once one was answered");
        peer.send(COMPOSER.deliverSm(77, "", (byte) 1, (byte) 1, "46700000001", (byte) 5, (byte) 0, "EMG", (byte) 0,
                (byte) 0, (byte) 0, (byte) 0, (byte) 0, "mo".getBytes(StandardCharsets.US_ASCII)));
        Pdu deliverResp = peer.read();

        assertEquals(SMPPConstant.CID_DELIVER_SM_RESP, deliverResp.commandId());
        assertEquals(77, deliverResp.sequenceNumber());
        assertEquals(0x64, deliverResp.commandStatus());
        SendResult a = results.poll(30, TimeUnit.SECONDS);
        SendResult b = results.poll(30, TimeUnit.SECONDS);
        assertNotNull(a);
        assertNotNull(b);
        assertEquals(List.of(new SendResult(1, SendOutcome.ACCEPTED, 0, "A1"), new SendResult(2, SendOutcome.ACCEPTED, 0, "B2")),
                List.of(a, b).stream().sorted((x, y) -> Long.compare(x.messageId(), y.messageId())).toList());
    }

    private ConnectorParts parts(BindMode mode, TaskThreads taskThreads) {
        OutgoingSmppSettings settings = new OutgoingSmppSettings("out1", "127.0.0.1", server.getLocalPort(), 1, mode,
                "emg", "secret", "EMG", 2, 30);
        return ConnectorParts.of(settings, new ResultsOnly((connector, group) -> results.addAll(group)), (connector, group) -> group.stream().map(sm -> 0x64).toList(),
                taskThreads, TIMINGS);
    }

    private static CompletableFuture<Void> open(SmppSession session) {
        return CompletableFuture.runAsync(() -> {
            try {
                session.open();
            } catch (IOException | InterruptedException e) {
                throw new IllegalStateException(e);
            }
        }, NEW_THREAD);
    }

    private void awaitResult(long messageId, SendOutcome outcome) throws InterruptedException {
        SendResult result = results.poll(30, TimeUnit.SECONDS);
        assertNotNull(result, "no result");
        assertEquals(new SendResult(messageId, outcome, SubmitStatus.NONE, null), result);
    }

    private static OutgoingMessage request(long id) {
        Options options = new Options()
                .set(OptionNames.SOURCEADDR, "EMG")
                .set(OptionNames.DESTADDR, "+4670000000" + id)
                .set(OptionNames.MESSAGE, "text " + id);
        return new OutgoingMessage(id, new MessageSplitter(new ConcatReferences(1)).split(options, TextSettings.DEFAULT).get(0));
    }
}
