package org.openemg.rar.smpp.link;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.function.IntSupplier;
import org.jsmpp.SMPPConstant;
import org.jsmpp.util.DefaultComposer;
import org.jsmpp.util.PDUComposer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openemg.rar.smpp.link.PeerSocket.Pdu;
import org.openemg.rar.work.ThreadPerTask;

class SmppLinkTest {

    private static final PDUComposer COMPOSER = new DefaultComposer();
    private static final LinkTimings TIMINGS = new LinkTimings(Duration.ofSeconds(10), Duration.ofSeconds(5),
            Duration.ofSeconds(30), Duration.ofSeconds(2));
    private static final long SECOND = TimeUnit.SECONDS.toNanos(1);
    private static final Executor NEW_THREAD = task -> new Thread(task).start();

    private final PeerSocket peer;
    private final RecordingEnd end = new RecordingEnd(Set.of(SMPPConstant.CID_DELIVER_SM),
            request -> COMPOSER.deliverSmResp(0, request.sequenceNumber(), null));
    private final RequestWindow<String> window = new RequestWindow<>(5);
    private final ThreadPerTask threads = new ThreadPerTask();
    private SmppLink<String> link;

    SmppLinkTest() throws IOException {
        peer = new PeerSocket();
    }

    @AfterEach
    void close() throws IOException {
        if (link != null) {
            link.lose("test over");
        }
        peer.close();
    }

    @Test
    void readsPdusWrittenTogetherOrSplitAndAnswersEachByItsSequenceNumber() throws Exception {
        start(new SequenceNumbers());
        byte[] deliver = deliverSm(40, "hello");
        peer.send(COMPOSER.enquireLink(31), COMPOSER.enquireLink(32), new byte[] {deliver[0], deliver[1], deliver[2]});
        peer.send(Arrays.copyOfRange(deliver, 3, 20));
        peer.send(Arrays.copyOfRange(deliver, 20, deliver.length), COMPOSER.enquireLink(33));

        assertEquals(new Reply(SMPPConstant.CID_ENQUIRE_LINK_RESP, 0, 31), reply());
        assertEquals(new Reply(SMPPConstant.CID_ENQUIRE_LINK_RESP, 0, 32), reply());
        assertEquals(new Reply(SMPPConstant.CID_DELIVER_SM_RESP, 0, 40), reply());
        assertEquals(new Reply(SMPPConstant.CID_ENQUIRE_LINK_RESP, 0, 33), reply());
        PduFrame request = end.requests.poll(30, TimeUnit.SECONDS);
        assertNotNull(request);
        assertEquals(SMPPConstant.CID_DELIVER_SM, request.commandId());
        assertEquals(40, request.sequenceNumber());
        assertArrayEquals(deliver, request.pdu());
        assertTrue(end.requests.isEmpty(), "enquire_link is the link's business, not the end's");
    }

    @Test
    void windowHoldsItsCapacityAndResponsesResolveByTheirSequenceNumberInAnyOrder() throws Exception {
        start(new SequenceNumbers());
        List<Integer> seqs = send("a", "b", "c", "d", "e");
        assertEquals(0, window.awaitRoom(System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(50)));
        for (int i = 0; i < 5; i++) {
            assertEquals(seqs.get(i), peer.read().sequenceNumber());
        }

        peer.send(submitSmResp(seqs.get(3), 0), submitSmResp(seqs.get(0), 0x45));
        assertEquals(new Answered("d", SMPPConstant.CID_SUBMIT_SM_RESP, 0), answered());
        assertEquals(new Answered("a", SMPPConstant.CID_SUBMIT_SM_RESP, 0x45), answered());
        assertEquals(2, window.awaitRoom(System.nanoTime() + 30 * SECOND));

        peer.send(COMPOSER.genericNack(SMPPConstant.STAT_ESME_RSYSERR, seqs.get(4)));
        assertEquals(new Answered("e", SMPPConstant.CID_GENERIC_NACK, SMPPConstant.STAT_ESME_RSYSERR), answered());
        assertEquals(2, window.size());
    }

    @Test
    void sequenceNumbersWrapFromTheTopToOneAndStillResolve() throws Exception {
        start(new SequenceNumbers(Integer.MAX_VALUE - 2));
        List<Integer> seqs = send("a", "b", "c", "d");
        assertEquals(List.of(Integer.MAX_VALUE - 1, Integer.MAX_VALUE, 1, 2), seqs);
        for (int seq : seqs) {
            assertEquals(seq, peer.read().sequenceNumber());
        }

        peer.send(submitSmResp(2, 0), submitSmResp(1, 0), submitSmResp(Integer.MAX_VALUE, 0),
                submitSmResp(Integer.MAX_VALUE - 1, 0));
        List<String> order = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            order.add(answered().request());
        }
        assertEquals(List.of("d", "c", "b", "a"), order);
        assertEquals(0, window.size());
    }

    @Test
    void unknownCommandIdAndARequestTheEndDoesNotTakeGetGenericNackAndTheLinkGoesOn() throws Exception {
        start(new SequenceNumbers());
        peer.sendRaw(16, 0x00000099, 7, new byte[0]);
        peer.send(COMPOSER.enquireLink(8));
        peer.sendRaw(20, SMPPConstant.CID_SUBMIT_SM, 9, new byte[4]);

        assertEquals(new Reply(SMPPConstant.CID_GENERIC_NACK, SMPPConstant.STAT_ESME_RINVCMDID, 7), reply());
        assertEquals(new Reply(SMPPConstant.CID_ENQUIRE_LINK_RESP, 0, 8), reply());
        assertEquals(new Reply(SMPPConstant.CID_GENERIC_NACK, SMPPConstant.STAT_ESME_RINVCMDID, 9), reply());
        assertFalse(link.isLost());
        assertTrue(end.requests.isEmpty());
    }

    @Test
    void aBodyWhereNoneBelongsIsNackedInvalidLengthAndTheLinkGoesOn() throws Exception {
        start(new SequenceNumbers());
        peer.sendRaw(20, SMPPConstant.CID_ENQUIRE_LINK, 11, new byte[4]);
        peer.sendRaw(17, SMPPConstant.CID_UNBIND, 12, new byte[1]);
        peer.send(COMPOSER.enquireLink(13));

        assertEquals(new Reply(SMPPConstant.CID_GENERIC_NACK, SMPPConstant.STAT_ESME_RINVCMDLEN, 11), reply());
        assertEquals(new Reply(SMPPConstant.CID_GENERIC_NACK, SMPPConstant.STAT_ESME_RINVCMDLEN, 12), reply());
        assertEquals(new Reply(SMPPConstant.CID_ENQUIRE_LINK_RESP, 0, 13), reply());
        assertFalse(link.isLost());
    }

    @Test
    void aCommandLengthShorterThanTheHeaderIsNackedAndClosesTheLink() throws Exception {
        start(new SequenceNumbers());
        send("a");
        peer.read();
        peer.send(ByteBuffer.allocate(8).putInt(8).putInt(SMPPConstant.CID_ENQUIRE_LINK).array());

        assertEquals(new Reply(SMPPConstant.CID_GENERIC_NACK, SMPPConstant.STAT_ESME_RINVCMDLEN, 0), reply());
        assertTrue(peer.readsEnd());
        RecordingEnd.Loss loss = loss();
        assertEquals(List.of("a"), loss.inFlight());
        assertTrue(loss.reason().contains("command_length 8"), loss.reason());
    }

    @Test
    void aCommandLengthBeyondTheLimitIsNackedWithItsSequenceNumberAndClosesTheLink() throws Exception {
        start(new SequenceNumbers());
        peer.sendRaw(SmppLink.MAX_PDU_LENGTH + 1, SMPPConstant.CID_DELIVER_SM, 21, new byte[100]);

        assertEquals(new Reply(SMPPConstant.CID_GENERIC_NACK, SMPPConstant.STAT_ESME_RINVCMDLEN, 21), reply());
        assertTrue(peer.readsEnd());
        assertNotNull(loss());
        assertTrue(end.requests.isEmpty());
    }

    @Test
    void unbindFromThePeerIsAnsweredThenTheLinkClosesAndAnswersWhatIsInFlight() throws Exception {
        start(new SequenceNumbers());
        send("a", "b");
        peer.read();
        peer.read();
        peer.send(COMPOSER.unbind(50));

        assertEquals(new Reply(SMPPConstant.CID_UNBIND_RESP, 0, 50), reply());
        assertTrue(peer.readsEnd());
        RecordingEnd.Loss loss = loss();
        assertEquals(Set.of("a", "b"), new HashSet<>(loss.inFlight()));
        assertEquals("the peer unbound", loss.reason());
        assertFalse(link.send(new int[] {link.nextSequence()}, List.of("late"), new byte[][] {new byte[16]}),
                "a lost link takes nothing more");
    }

    @Test
    void unbindWaitsForUnbindRespWhileEarlierAnswersStillCount() throws Exception {
        start(new SequenceNumbers());
        List<Integer> seqs = send("a", "b");
        peer.read();
        peer.read();
        CompletableFuture<Void> unbinding = CompletableFuture.runAsync(() -> link.unbind(Duration.ofSeconds(30)), NEW_THREAD);
        Pdu unbind = peer.read();
        assertEquals(SMPPConstant.CID_UNBIND, unbind.commandId());

        peer.send(submitSmResp(seqs.get(0), 0), COMPOSER.unbindResp(0, unbind.sequenceNumber()));
        unbinding.get(30, TimeUnit.SECONDS);

        assertEquals(new Answered("a", SMPPConstant.CID_SUBMIT_SM_RESP, 0), answered());
        RecordingEnd.Loss loss = loss();
        assertEquals(List.of("b"), loss.inFlight());
        assertEquals("unbound", loss.reason());
        assertTrue(peer.readsEnd());
    }

    @Test
    void unbindNobodyAnswersEndsAfterItsWait() throws Exception {
        start(new SequenceNumbers());
        long started = System.nanoTime();
        link.unbind(Duration.ofMillis(200));

        assertTrue(System.nanoTime() - started >= TimeUnit.MILLISECONDS.toNanos(200));
        assertEquals(SMPPConstant.CID_UNBIND, peer.read().commandId());
        assertEquals("unbound", loss().reason());
    }

    @Test
    void callGetsTheResponseWithItsSequenceNumberOrTimesOutOrFailsOnLoss() throws Exception {
        start(new SequenceNumbers());
        CompletableFuture<PduFrame> bind = CompletableFuture.supplyAsync(() -> call(Duration.ofSeconds(30)), NEW_THREAD);
        Pdu request = peer.read();
        peer.send(COMPOSER.enquireLinkResp(request.sequenceNumber() + 1000),
                COMPOSER.bindResp(SMPPConstant.CID_BIND_TRANSCEIVER_RESP, request.sequenceNumber(), "SMSC"));
        PduFrame response = bind.get(30, TimeUnit.SECONDS);
        assertEquals(SMPPConstant.CID_BIND_TRANSCEIVER_RESP, response.commandId());
        assertEquals(request.sequenceNumber(), response.sequenceNumber());

        IOException timedOut = assertThrows(IOException.class, () -> callOrThrow(Duration.ofMillis(100)));
        assertTrue(timedOut instanceof SocketTimeoutException, timedOut.toString());

        CompletableFuture<PduFrame> waiting = CompletableFuture.supplyAsync(() -> call(Duration.ofSeconds(30)), NEW_THREAD);
        peer.read();
        peer.read();
        link.lose("gone");
        Exception failed = assertThrows(Exception.class, () -> waiting.get(30, TimeUnit.SECONDS));
        assertTrue(failed.getCause().getMessage().contains("gone"), failed.toString());
        assertThrows(IOException.class, () -> callOrThrow(Duration.ofSeconds(30)), "a lost link is not called");
    }

    @Test
    void enquireLinkIsSentOnceUntilAnsweredAndAnUnansweredOneLosesTheLink() throws Exception {
        start(new SequenceNumbers());
        link.enquireLink();
        link.enquireLink();
        Pdu first = peer.read();
        assertEquals(SMPPConstant.CID_ENQUIRE_LINK, first.commandId());
        // the link reads in order: once enquire_link 90 is answered, the response before it was seen
        peer.send(COMPOSER.enquireLinkResp(first.sequenceNumber()), COMPOSER.enquireLink(90));
        assertEquals(new Reply(SMPPConstant.CID_ENQUIRE_LINK_RESP, 0, 90), reply(), "one enquire_link at a time");

        link.enquireLink();
        Pdu second = peer.read();
        assertEquals(SMPPConstant.CID_ENQUIRE_LINK, second.commandId());
        assertTrue(second.sequenceNumber() > first.sequenceNumber());
        link.watch(System.nanoTime() + 4 * SECOND);
        assertFalse(link.isLost(), "within enquireLinkResponse");
        link.watch(System.nanoTime() + 6 * SECOND);
        assertEquals("enquire_link unanswered", loss().reason());
    }

    @Test
    void silenceBeyondTheLimitLosesTheLink() throws Exception {
        start(new SequenceNumbers());
        link.watch(System.nanoTime() + 29 * SECOND);
        assertFalse(link.isLost());
        link.watch(System.nanoTime() + 31 * SECOND);
        assertTrue(loss().reason().startsWith("no PDU from the peer"));
        assertEquals(SMPPConstant.CID_UNBIND, peer.read().commandId(), "the peer is told with an unbind");
        assertTrue(peer.readsEnd());
    }

    @Test
    void requestsUnansweredForTheResponseTimeoutLeaveTheWindowAndALateAnswerIsDropped() throws Exception {
        start(new SequenceNumbers());
        List<Integer> seqs = send("a", "b");
        peer.read();
        peer.read();
        link.watch(System.nanoTime() + 9 * SECOND);
        assertTrue(end.unanswered.isEmpty());
        link.watch(System.nanoTime() + 11 * SECOND);

        assertEquals(Set.of("a", "b"), new HashSet<>(end.unanswered.poll(30, TimeUnit.SECONDS)));
        assertEquals(0, window.size());
        peer.send(submitSmResp(seqs.get(0), 0), COMPOSER.enquireLink(61));
        assertEquals(new Reply(SMPPConstant.CID_ENQUIRE_LINK_RESP, 0, 61), reply());
        assertTrue(end.answers.isEmpty());
        assertFalse(link.isLost());
    }

    @Test
    void aWriteThePeerNeverDrainsIsNoticedByTheWatchAndTheWriterIsFreed() throws Exception {
        start(new SequenceNumbers());
        byte[] pdu = new byte[1024];
        ByteBuffer.wrap(pdu).putInt(1024).putInt(SMPPConstant.CID_SUBMIT_SM);
        CompletableFuture<Exception> writer = CompletableFuture.supplyAsync(() -> {
            try {
                for (int i = 0; ; i++) {
                    byte[][] batch = new byte[100][];
                    int[] seqs = new int[100];
                    List<String> requests = new ArrayList<>();
                    for (int j = 0; j < 100; j++) {
                        batch[j] = pdu;
                        seqs[j] = link.nextSequence();
                        requests.add(i + "/" + j);
                    }
                    if (!link.send(seqs, requests, batch)) {
                        return null;
                    }
                }
            } catch (IOException e) {
                return e;
            }
        }, NEW_THREAD);
        awaitQuiet(window::size, "the window stopped growing: a write blocked on the full socket buffers");
        link.watch(System.nanoTime());
        assertFalse(link.isLost(), "blocked for less than writeStall");

        link.watch(System.nanoTime() + 3 * SECOND);

        assertTrue(loss().reason().startsWith("a write blocked"));
        assertNotNull(writer.get(30, TimeUnit.SECONDS), "the blocked write failed when the link closed");
    }

    @Test
    void aLossAnswersEverythingInFlightExactlyOnceWhoeverSeesIt() throws Exception {
        start(new SequenceNumbers());
        List<Integer> seqs = send("a", "b", "c", "d", "e");
        for (int i = 0; i < 5; i++) {
            peer.read();
        }
        peer.send(submitSmResp(seqs.get(1), 0));
        assertEquals("b", answered().request());

        peer.close();
        CountDownLatch go = new CountDownLatch(1);
        List<Thread> losers = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            Thread loser = new Thread(() -> {
                try {
                    go.await();
                } catch (InterruptedException e) {
                    return;
                }
                link.lose("seen by " + Thread.currentThread().getName());
            });
            loser.start();
            losers.add(loser);
        }
        go.countDown();
        for (Thread loser : losers) {
            loser.join(30_000);
        }

        RecordingEnd.Loss loss = loss();
        assertEquals(Set.of("a", "c", "d", "e"), new HashSet<>(loss.inFlight()));
        assertEquals(4, loss.inFlight().size());
        assertEquals(1, end.lossCalls.get());
        assertTrue(end.answers.isEmpty());
        assertEquals(loss.reason(), link.lossReason());
    }

    @Test
    void theReaderThreadEndsWithTheLink() throws Exception {
        start(new SequenceNumbers());
        Thread reader = threads.named("smpp-test-reader").get(0);
        assertTrue(reader.isAlive());

        link.lose("done");

        reader.join(30_000);
        assertFalse(reader.isAlive());
    }

    @Test
    void aRequestAnsweredLaterIsRespondedFromAnotherThread() throws Exception {
        RecordingEnd later = new RecordingEnd(Set.of(SMPPConstant.CID_SUBMIT_SM), request -> null);
        link = new SmppLink<>("test", peer.near(), TIMINGS, window, later);
        link.start(threads);
        peer.sendRaw(20, SMPPConstant.CID_SUBMIT_SM, 70, new byte[4]);
        PduFrame request = later.requests.poll(30, TimeUnit.SECONDS);
        assertNotNull(request);

        CompletableFuture.runAsync(() -> {
            try {
                link.respond(COMPOSER.submitSmResp(request.sequenceNumber(), "ID1"));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }, NEW_THREAD).get(30, TimeUnit.SECONDS);

        Pdu response = peer.read();
        assertEquals(SMPPConstant.CID_SUBMIT_SM_RESP, response.commandId());
        assertEquals(70, response.sequenceNumber());
        assertEquals("ID1", new String(response.body(), 0, 3, StandardCharsets.ISO_8859_1));
    }

    private record Reply(int commandId, int commandStatus, int sequenceNumber) {
    }

    private record Answered(String request, int commandId, int commandStatus) {
    }

    private void start(SequenceNumbers sequences) throws IOException {
        link = new SmppLink<>("test", peer.near(), TIMINGS, window, end, sequences);
        link.start(threads);
    }

    private List<Integer> send(String... requests) throws IOException {
        int[] seqs = new int[requests.length];
        byte[][] pdus = new byte[requests.length][];
        for (int i = 0; i < requests.length; i++) {
            seqs[i] = link.nextSequence();
            pdus[i] = pdu(SMPPConstant.CID_SUBMIT_SM, seqs[i], requests[i].getBytes(StandardCharsets.US_ASCII));
        }
        assertTrue(link.send(seqs, List.of(requests), pdus));
        List<Integer> sent = new ArrayList<>();
        for (int seq : seqs) {
            sent.add(seq);
        }
        return sent;
    }

    private PduFrame call(Duration timeout) {
        try {
            return callOrThrow(timeout);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private PduFrame callOrThrow(Duration timeout) throws IOException {
        int seq = link.nextSequence();
        try {
            return link.call(pdu(SMPPConstant.CID_BIND_TRANSCEIVER, seq, new byte[4]), seq, timeout);
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    private Reply reply() throws IOException {
        Pdu pdu = peer.read();
        return new Reply(pdu.commandId(), pdu.commandStatus(), pdu.sequenceNumber());
    }

    private Answered answered() throws InterruptedException {
        RecordingEnd.Answer answer = end.answers.poll(30, TimeUnit.SECONDS);
        assertNotNull(answer, "no answer resolved");
        return new Answered(answer.request(), answer.response().commandId(), answer.response().commandStatus());
    }

    private RecordingEnd.Loss loss() throws InterruptedException {
        RecordingEnd.Loss loss = end.losses.poll(30, TimeUnit.SECONDS);
        assertNotNull(loss, "the link was not lost");
        assertTrue(link.isLost());
        return loss;
    }

    private static byte[] deliverSm(int seq, String text) throws Exception {
        return COMPOSER.deliverSm(seq, "", (byte) 1, (byte) 1, "46700000001", (byte) 5, (byte) 0, "EMG", (byte) 0,
                (byte) 0, (byte) 0, (byte) 0, (byte) 0, text.getBytes(StandardCharsets.US_ASCII));
    }

    private static byte[] submitSmResp(int seq, int status) {
        byte[] id = "X".getBytes(StandardCharsets.US_ASCII);
        ByteBuffer pdu = ByteBuffer.allocate(16 + id.length + 1);
        pdu.putInt(pdu.capacity()).putInt(SMPPConstant.CID_SUBMIT_SM_RESP).putInt(status).putInt(seq).put(id);
        return pdu.array();
    }

    private static byte[] pdu(int commandId, int seq, byte[] body) {
        ByteBuffer pdu = ByteBuffer.allocate(16 + body.length);
        pdu.putInt(pdu.capacity()).putInt(commandId).putInt(0).putInt(seq).put(body);
        return pdu.array();
    }

    /** Waits until {@code value} is above 0 and has not changed for 300 ms. */
    private static void awaitQuiet(IntSupplier value, String what) throws InterruptedException {
        long deadline = System.nanoTime() + 30 * SECOND;
        int last = value.getAsInt();
        long since = System.nanoTime();
        while (last == 0 || System.nanoTime() - since < TimeUnit.MILLISECONDS.toNanos(300)) {
            assertTrue(System.nanoTime() < deadline, "timed out waiting: " + what);
            Thread.sleep(10);
            int now = value.getAsInt();
            if (now != last) {
                last = now;
                since = System.nanoTime();
            }
        }
    }
}
