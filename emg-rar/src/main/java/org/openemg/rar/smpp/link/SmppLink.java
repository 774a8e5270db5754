package org.openemg.rar.smpp.link;

import java.io.IOException;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.jsmpp.SMPPConstant;
import org.jsmpp.util.DefaultComposer;
import org.jsmpp.util.PDUComposer;
import org.openemg.rar.work.TaskThreads;

/**
 * One SMPP connection, whichever side opened it: the reader loop, sequence numbers, the window of
 * outstanding requests resolved by sequence number, enquire_link and liveness, unbind both ways,
 * generic_nack, and the loss, which answers everything in flight once. What the session does with the
 * peer's requests and with answers to its own is its {@link LinkEnd}'s business.
 *
 * <p>Threads: the reader (started by {@link #start}) reads, resolves, and answers requests with one flush
 * whenever the input is drained; any thread may send; a watchdog calls {@link #watch}, apart from both,
 * since a peer that stops reading can block either in a write.
 */
public final class SmppLink<T> {

    private static final Logger LOG = Logger.getLogger(SmppLink.class.getName());
    static final int MAX_PDU_LENGTH = 1 << 20;
    private static final PDUComposer COMPOSER = new DefaultComposer();

    private final String name;
    private final Socket socket;
    private final LinkTimings timings;
    private final RequestWindow<T> window;
    private final LinkEnd<T> end;
    private final SequenceNumbers sequences;
    private final FrameReader frames;
    private final FrameWriter writer;
    private final Map<Integer, CompletableFuture<PduFrame>> calls = new ConcurrentHashMap<>();
    private final AtomicBoolean lost = new AtomicBoolean();
    private volatile String lossReason;
    private volatile long lastReceivedNanos = System.nanoTime();
    /** The sequence number of the enquire_link waiting for its response, 0 when none is. */
    private volatile int enquireLinkSequence;
    private volatile long enquireLinkSentNanos;
    /** Reader thread only: responses written but not flushed yet. */
    private boolean repliesUnflushed;

    /** A link on a connected socket; nothing is read before {@link #start}. */
    public SmppLink(String name, Socket socket, LinkTimings timings, RequestWindow<T> window, LinkEnd<T> end)
            throws IOException {
        this(name, socket, timings, window, end, new SequenceNumbers());
    }

    SmppLink(String name, Socket socket, LinkTimings timings, RequestWindow<T> window, LinkEnd<T> end,
             SequenceNumbers sequences) throws IOException {
        this.name = name;
        this.socket = socket;
        this.timings = timings;
        this.window = window;
        this.end = end;
        this.sequences = sequences;
        socket.setTcpNoDelay(true);
        this.frames = new FrameReader(socket.getInputStream(), MAX_PDU_LENGTH);
        this.writer = new FrameWriter(socket.getOutputStream());
    }

    /** Starts the reader; without a thread for it the link is lost at once. */
    public void start(TaskThreads threads) throws IOException {
        try {
            threads.start("smpp-" + name + "-reader", this::read);
        } catch (RejectedExecutionException e) {
            lose("no thread to read on: " + e.getMessage());
            throw new IOException("link " + name + " has no reader: " + e.getMessage(), e);
        }
    }

    public int nextSequence() {
        return sequences.next();
    }

    /**
     * Sends a request outside the window and waits for its response (a bind, an unbind); the reader must run.
     *
     * @return the response, or the generic_nack that stands for it
     */
    public PduFrame call(byte[] pdu, int sequenceNumber, Duration timeout) throws IOException, InterruptedException {
        CompletableFuture<PduFrame> response = new CompletableFuture<>();
        calls.put(sequenceNumber, response);
        try {
            // a loss that came before the put did not see it
            if (lost.get()) {
                throw new IOException("link lost: " + lossReason);
            }
            writer.write(pdu, true);
            return response.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            throw new SocketTimeoutException("no response to sequence " + sequenceNumber + " within " + timeout);
        } catch (ExecutionException e) {
            throw new IOException(e.getCause().getMessage(), e.getCause());
        } finally {
            calls.remove(sequenceNumber);
        }
    }

    /**
     * Registers requests in the window and writes their PDUs with one flush.
     *
     * @return false, nothing sent, when the link is lost
     */
    public boolean send(int[] sequenceNumbers, List<T> requests, byte[][] pdus) throws IOException {
        if (!window.register(sequenceNumbers, requests, System.nanoTime())) {
            return false;
        }
        writer.write(pdus, requests.size(), true);
        return true;
    }

    /** Answers a request later than {@link LinkEnd#request} returned, from any thread; flushed at once. */
    public void respond(byte[] pdu) throws IOException {
        writer.write(pdu, true);
    }

    /** Answers several requests later, from any thread, with one flush. */
    public void respond(byte[][] pdus, int count) throws IOException {
        writer.write(pdus, count, true);
    }

    /** Sends an enquire_link unless one is still unanswered; {@link #watch} judges the answer. One thread only. */
    public void enquireLink() throws IOException {
        if (enquireLinkSequence == 0) {
            int seq = sequences.next();
            enquireLinkSentNanos = System.nanoTime();
            enquireLinkSequence = seq;
            writer.write(COMPOSER.enquireLink(seq), true);
        }
    }

    /** Sends unbind and waits up to {@code wait} for unbind_resp (answers to earlier requests still count), then closes. */
    public void unbind(Duration wait) {
        if (!lost.get()) {
            int seq = sequences.next();
            try {
                call(COMPOSER.unbind(seq), seq, wait);
            } catch (IOException e) {
                LOG.log(Level.FINE, e, () -> "link " + name + ": unbind not answered");
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        lose("unbound");
    }

    /**
     * The watchdog's look, from its own thread: a link whose writes no longer drain, whose enquire_link goes
     * unanswered or which is silent too long (IDLETIMEOUT: after an unbind) is closed, which also fails a write
     * blocked on it; requests of the window unanswered for the response timeout go back to the end.
     */
    public void watch(long nowNanos) {
        if (lost.get()) {
            return;
        }
        long silence = timings.silence().toNanos();
        int enquireLink = enquireLinkSequence;
        if (writer.stalledNanos(nowNanos) > timings.writeStall().toNanos()) {
            lose("a write blocked for " + timings.writeStall().toSeconds() + " s: the peer stopped reading");
        } else if (enquireLink != 0 && nowNanos - enquireLinkSentNanos > timings.enquireLinkResponse().toNanos()) {
            lose("enquire_link unanswered");
        } else if (silence > 0 && nowNanos - lastReceivedNanos > silence) {
            sayUnbind();
            lose("no PDU from the peer for " + timings.silence().toSeconds() + " s");
        } else {
            List<T> expired = window.expire(nowNanos - timings.response().toNanos());
            if (!expired.isEmpty()) {
                end.unanswered(expired);
            }
        }
    }

    /** Tells a peer that went silent why the link closes; it is not waited for, the link closes anyway. */
    private void sayUnbind() {
        try {
            writer.write(COMPOSER.unbind(sequences.next()), true);
        } catch (IOException e) {
            LOG.log(Level.FINE, e, () -> "link " + name + ": unbind not sent");
        }
    }

    /** Closes the link once: calls waiting fail, and the end gets everything still in the window. */
    public void lose(String reason) {
        if (!lost.compareAndSet(false, true)) {
            return;
        }
        lossReason = reason;
        try {
            socket.close();
        } catch (IOException e) {
            LOG.log(Level.FINEST, "close", e);
        }
        IOException gone = new IOException("link lost: " + reason);
        calls.values().forEach(call -> call.completeExceptionally(gone));
        end.lost(window.close(), reason);
    }

    public boolean isLost() {
        return lost.get();
    }

    /** Why the link was lost, null while it is not. */
    public String lossReason() {
        return lossReason;
    }

    public String name() {
        return name;
    }

    private void read() {
        try {
            while (!lost.get()) {
                if (!frames.hasBuffered()) {
                    end.drained();
                    flushReplies();
                }
                PduFrame frame;
                try {
                    frame = frames.read();
                } catch (CommandLengthException e) {
                    // the next PDU's start is unknown: say why, then close
                    reply(COMPOSER.genericNack(SMPPConstant.STAT_ESME_RINVCMDLEN, e.sequenceNumber()));
                    flushReplies();
                    lose(e.getMessage());
                    return;
                }
                lastReceivedNanos = System.nanoTime();
                if (frame.isResponse()) {
                    resolve(frame);
                } else {
                    answer(frame);
                }
            }
        } catch (IOException e) {
            lose("read failed: " + e);
        } catch (RuntimeException e) {
            LOG.log(Level.SEVERE, "SMPP reader of " + name + " failed", e);
            lose("reader failed: " + e);
        } finally {
            end.drained();
        }
    }

    private void resolve(PduFrame response) {
        int seq = response.sequenceNumber();
        CompletableFuture<PduFrame> call = calls.remove(seq);
        if (call != null) {
            call.complete(response);
            return;
        }
        if (seq != 0 && seq == enquireLinkSequence) {
            enquireLinkSequence = 0;
            return;
        }
        T request = window.complete(seq);
        if (request != null) {
            end.answered(request, response);
        } else if (response.commandId() != SMPPConstant.CID_GENERIC_NACK) {
            LOG.warning(() -> String.format("link %s: response 0x%08X for sequence %d came when no request waited"
                    + " for it (given up after the response timeout?): the peer may act on it twice",
                    name, response.commandId(), seq));
        }
    }

    private void answer(PduFrame request) throws IOException {
        int seq = request.sequenceNumber();
        switch (request.commandId()) {
            case SMPPConstant.CID_ENQUIRE_LINK -> reply(headerOnly(request)
                    ? COMPOSER.enquireLinkResp(seq)
                    : COMPOSER.genericNack(SMPPConstant.STAT_ESME_RINVCMDLEN, seq));
            case SMPPConstant.CID_UNBIND -> {
                if (!headerOnly(request)) {
                    reply(COMPOSER.genericNack(SMPPConstant.STAT_ESME_RINVCMDLEN, seq));
                    return;
                }
                reply(COMPOSER.unbindResp(SMPPConstant.STAT_ESME_ROK, seq));
                flushReplies();
                awaitPeerClose(end.peerUnbindGrace());
                lose("the peer unbound");
            }
            default -> {
                if (!end.takes(request.commandId())) {
                    reply(COMPOSER.genericNack(SMPPConstant.STAT_ESME_RINVCMDID, seq));
                    return;
                }
                byte[] response = end.request(request);
                if (response != null) {
                    reply(response);
                }
            }
        }
    }

    /** Reads and drops whatever still comes until the peer closes or {@code grace} passes. */
    private void awaitPeerClose(Duration grace) {
        if (grace.isZero()) {
            return;
        }
        long deadline = System.nanoTime() + grace.toNanos();
        try {
            long left;
            while ((left = deadline - System.nanoTime()) > 0) {
                socket.setSoTimeout((int) Math.max(1, TimeUnit.NANOSECONDS.toMillis(left)));
                frames.read();
            }
        } catch (IOException e) {
            // closed by the peer, or the grace is over
        }
    }

    /** enquire_link and unbind have no body: a longer one is framed correctly but wrong, so the link goes on. */
    private static boolean headerOnly(PduFrame request) {
        return request.commandLength() == PduFrame.HEADER_LENGTH;
    }

    private void reply(byte[] pdu) throws IOException {
        writer.write(pdu, false);
        repliesUnflushed = true;
    }

    private void flushReplies() throws IOException {
        if (repliesUnflushed) {
            repliesUnflushed = false;
            writer.flush();
        }
    }
}
