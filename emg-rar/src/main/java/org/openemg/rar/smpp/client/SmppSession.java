package org.openemg.rar.smpp.client;


import org.openemg.core.config.BindMode;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.jsmpp.InvalidCommandLengthException;
import org.jsmpp.PDUReader;
import org.jsmpp.PDUStringException;
import org.jsmpp.SMPPConstant;
import org.jsmpp.DefaultPDUReader;
import org.jsmpp.bean.Command;
import org.jsmpp.bean.DeliverSm;
import org.jsmpp.util.DefaultComposer;
import org.jsmpp.util.DefaultDecomposer;
import org.jsmpp.util.PDUComposer;
import org.jsmpp.util.PDUDecomposer;
import org.openemg.rar.api.SendOutcome;
import org.openemg.rar.api.OutgoingMessage;
import org.openemg.rar.api.SendResult;

/**
 * One TCP connection of a bind, from bind to loss. The bind's own thread connects, binds, then runs
 * the sender loop ({@link #serve}): it takes requests from the connector's queue as far as the window
 * has room, writes them with one flush per batch, and sends enquire_link between batches. A reader
 * thread resolves responses by sequence number and answers the SMSC's requests. The connector's
 * watchdog ({@link #watch}) sweeps unanswered submits and judges the link's liveness, apart from both,
 * since an SMSC that stops reading can block either in a write. Whichever thread first sees the link
 * die answers everything in flight LINK_LOST.
 */
final class SmppSession {

    private static final Logger LOG = Logger.getLogger(SmppSession.class.getName());
    private static final byte INTERFACE_VERSION = 0x34;
    private static final int MAX_PDU_LENGTH = 1 << 20;
    /** The sender waits at most this long for work: the watchdog, not the sender, needs to look often. */
    private static final long IDLE_WAKE_NANOS = TimeUnit.SECONDS.toNanos(1);
    private static final byte[][] NO_PDUS = new byte[0][];
    private static final PDUComposer COMPOSER = new DefaultComposer();
    private static final PDUDecomposer DECOMPOSER = DefaultDecomposer.getInstance();

    private final SmppClientConnector connector;
    private final OutgoingSmppSettings settings;
    private final ClientTimings timings;
    private final SubmitQueue queue;
    private final ResultFlusher results;
    private final boolean takesSubmits;
    private final SubmitWindow window;
    private final PDUReader pduReader = new DefaultPDUReader();
    private final Socket socket = new Socket();
    private final AtomicBoolean lost = new AtomicBoolean();
    private final CountDownLatch unbindAnswered = new CountDownLatch(1);
    private DataInputStream in;
    private BufferedOutputStream out;
    /** Only the bind's thread sends requests, so only it numbers them. */
    private int sequence;
    private volatile boolean bound;
    private volatile String lossReason;
    private volatile long lastReceivedNanos;
    private volatile long pausedUntilNanos;
    /** The sequence number of the enquire_link waiting for its response, 0 when none is. */
    private volatile int enquireLinkSequence;
    private volatile long enquireLinkSentNanos;
    /** A write (by either thread) is under way since writeStartedNanos: the watchdog times it. */
    private volatile boolean writing;
    private volatile long writeStartedNanos;
    /** Reader thread only: responses written but not flushed yet. */
    private boolean responsesUnflushed;

    SmppSession(SmppClientConnector connector) {
        this.connector = connector;
        this.settings = connector.settings();
        this.timings = connector.timings();
        this.queue = connector.queue();
        this.results = connector.results();
        this.takesSubmits = settings.mode() != BindMode.RECEIVER;
        this.window = new SubmitWindow(Math.max(1, settings.windowSize()));
    }

    /** Connects and binds; on return the session is bound and its reader runs. */
    void open() throws IOException {
        int timeoutMillis = (int) timings.bindResponse().toMillis();
        socket.connect(new InetSocketAddress(settings.host(), settings.port()), timeoutMillis);
        socket.setTcpNoDelay(true);
        socket.setSoTimeout(timeoutMillis);
        in = new DataInputStream(new BufferedInputStream(socket.getInputStream(), 16 * 1024));
        out = new BufferedOutputStream(socket.getOutputStream(), 64 * 1024);
        int bindSequence = nextSequence();
        writeAndFlush(bindPdu(bindSequence));
        long deadline = System.nanoTime() + timings.bindResponse().toNanos();
        while (true) {
            Command header = readHeader();
            pduReader.readPDU(in, header);
            boolean answer = header.getSequenceNumber() == bindSequence
                    && (header.getCommandId() == (bindCommandId() | SMPPConstant.MASK_CID_RESP)
                    || header.getCommandId() == SMPPConstant.CID_GENERIC_NACK);
            if (answer && header.getCommandStatus() != 0) {
                throw new IOException(String.format("bind refused with status 0x%08X", header.getCommandStatus()));
            }
            if (answer) {
                break;
            }
            if (System.nanoTime() - deadline > 0) {
                throw new SocketTimeoutException("no bind_resp");
            }
        }
        socket.setSoTimeout(0);
        lastReceivedNanos = System.nanoTime();
        bound = true;
        connector.bindUp(takesSubmits);
        Thread reader = connector.newThread(this::read, "reader");
        reader.start();
    }

    /** The sender loop: returns when the link is lost or the connector stops. */
    void serve() {
        long keepAlive = TimeUnit.SECONDS.toNanos(Math.max(0, settings.keepAliveSeconds()));
        long nextEnquireLink = System.nanoTime() + keepAlive;
        try {
            while (!lost.get() && !connector.isStopping()) {
                long now = System.nanoTime();
                long deadline = now + IDLE_WAKE_NANOS;
                if (keepAlive > 0) {
                    if (now - nextEnquireLink >= 0) {
                        sendEnquireLink(now);
                        nextEnquireLink = now + keepAlive;
                    }
                    deadline = earliest(deadline, nextEnquireLink);
                }
                if (!takesSubmits) {
                    window.await(deadline);
                } else if (pausedUntilNanos - now > 0) {
                    window.await(earliest(deadline, pausedUntilNanos));
                } else {
                    int room = window.awaitRoom(deadline);
                    if (room > 0) {
                        List<OutgoingMessage> batch = takeBatch(room, deadline - System.nanoTime());
                        if (!batch.isEmpty()) {
                            submit(batch);
                        }
                    }
                }
            }
        } catch (IOException e) {
            lose("write failed: " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            lose("interrupted");
        } catch (RuntimeException e) {
            LOG.log(Level.SEVERE, "SMPP sender failed", e);
            lose("sender failed: " + e);
        }
    }

    /** Sends unbind and waits a while for unbind_resp (answers to earlier submits still count), then closes. */
    void unbind() {
        if (!lost.get()) {
            try {
                writeAndFlush(COMPOSER.unbind(nextSequence()));
                unbindAnswered.await(timings.unbindResponse().toMillis(), TimeUnit.MILLISECONDS);
            } catch (IOException e) {
                LOG.log(Level.FINE, "unbind not sent", e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        lose("unbound");
    }

    /**
     * The watchdog's look at this link, from its own thread: a link whose writes no longer drain, whose
     * enquire_link goes unanswered or which is silent for 2 x KEEPALIVE is closed, which also fails a
     * write blocked on it; submits unanswered for the response timeout are answered RETRY.
     */
    void watch(long now) {
        if (!bound || lost.get()) {
            return;
        }
        long responseTimeout = timings.submitResponse().toNanos();
        long keepAlive = TimeUnit.SECONDS.toNanos(Math.max(0, settings.keepAliveSeconds()));
        // read the flag first: the start time it guards is written before it
        if (writing && now - writeStartedNanos > responseTimeout) {
            lose("a write blocked for " + timings.submitResponse().toSeconds() + " s: the SMSC stopped reading");
        } else if (enquireLinkSequence != 0 && now - enquireLinkSentNanos > timings.enquireLinkResponse().toNanos()) {
            lose("enquire_link unanswered");
        } else if (keepAlive > 0 && now - lastReceivedNanos > 2 * keepAlive) {
            lose("no PDU from the SMSC for " + 2 * settings.keepAliveSeconds() + " s");
        } else {
            answerUnanswered(window.expire(now - responseTimeout));
        }
    }

    /** Ends the session from outside: aborts a connect or bind in progress, wakes the sender loop. */
    void wakeUp() {
        if (!bound) {
            closeSocket();
        }
        window.wakeUp();
    }

    boolean isBound() {
        return bound;
    }

    String lossReason() {
        return lossReason;
    }

    /** Closes the link once; everything in flight on it is answered LINK_LOST. */
    void lose(String reason) {
        if (!lost.compareAndSet(false, true)) {
            return;
        }
        lossReason = reason;
        closeSocket();
        if (bound) {
            connector.bindLost(takesSubmits);
        }
        List<SendResult> linkLost = new ArrayList<>();
        for (SubmitWindow.InFlight f : window.close()) {
            linkLost.add(new SendResult(f.request().messageId(), SendOutcome.LINK_LOST, SubmitStatus.NONE, null));
        }
        results.add(linkLost);
        queue.wakeUp();
    }

    private void submit(List<OutgoingMessage> batch) throws IOException {
        int[] sequences = new int[batch.size()];
        byte[][] pdus = new byte[batch.size()][];
        List<OutgoingMessage> sendable = new ArrayList<>(batch.size());
        List<SendResult> rejected = new ArrayList<>(0);
        SubmitSmComposer composer = connector.composer();
        for (OutgoingMessage request : batch) {
            int n = sendable.size();
            try {
                sequences[n] = nextSequence();
                pdus[n] = composer.compose(sequences[n], request);
                sendable.add(request);
            } catch (UnsendableMessageException e) {
                rejected.add(new SendResult(request.messageId(), SendOutcome.REJECTED, e.commandStatus(), null));
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, e, () -> "message " + request.messageId() + " could not be encoded");
                rejected.add(new SendResult(request.messageId(), SendOutcome.REJECTED, SubmitStatus.ESME_RSYSERR, null));
            }
        }
        results.add(rejected);
        if (sendable.isEmpty()) {
            return;
        }
        if (!window.register(sequences, sendable, System.nanoTime())) {
            connector.answerLinkLost(queue.giveBack(sendable));
            return;
        }
        write(pdus, sendable.size(), true);
    }

    /**
     * Up to {@code room} requests from the queue, held until a throttling pause ends (a throttling answer
     * may arrive while the sender waits for requests). An interrupt gives the batch back to the queue, or
     * answers it LINK_LOST when no bind can take it, so that no request is left without a result.
     */
    List<OutgoingMessage> takeBatch(int room, long timeoutNanos) throws InterruptedException {
        List<OutgoingMessage> batch = queue.take(room, timeoutNanos);
        if (!batch.isEmpty()) {
            try {
                awaitPauseEnd();
            } catch (InterruptedException e) {
                connector.answerLinkLost(queue.giveBack(batch));
                throw e;
            }
        }
        return batch;
    }

    /** Holds further submits until {@code untilNanos} (System.nanoTime), after a throttling answer. */
    void pauseSubmits(long untilNanos) {
        pausedUntilNanos = untilNanos;
    }

    private void awaitPauseEnd() throws InterruptedException {
        long until;
        while (!lost.get() && (until = pausedUntilNanos) - System.nanoTime() > 0) {
            window.await(until);
        }
    }

    private void sendEnquireLink(long now) throws IOException {
        if (enquireLinkSequence == 0) {
            int seq = nextSequence();
            enquireLinkSentNanos = now;
            enquireLinkSequence = seq;
            writeAndFlush(COMPOSER.enquireLink(seq));
        }
    }

    private void answerUnanswered(List<SubmitWindow.InFlight> expired) {
        List<SendResult> retry = new ArrayList<>(expired.size());
        for (SubmitWindow.InFlight f : expired) {
            retry.add(new SendResult(f.request().messageId(), SendOutcome.RETRY, SubmitStatus.NONE, null));
        }
        results.add(retry);
    }

    /** The reader loop: results are handed on whenever the input has no more PDUs buffered. */
    private void read() {
        List<SendResult> answered = new ArrayList<>();
        try {
            while (!lost.get()) {
                if (in.available() == 0) {
                    publish(answered);
                    flushResponses();
                }
                Command header = readHeader();
                byte[] pdu = pduReader.readPDU(in, header);
                lastReceivedNanos = System.nanoTime();
                handle(header, pdu, answered);
                if (answered.size() >= timings.resultFlushSize()) {
                    publish(answered);
                }
            }
        } catch (IOException e) {
            lose("read failed: " + e);
        } catch (RuntimeException e) {
            LOG.log(Level.SEVERE, "SMPP reader failed", e);
            lose("reader failed: " + e);
        } finally {
            publish(answered);
        }
    }

    private void handle(Command header, byte[] pdu, List<SendResult> answered) throws IOException {
        int seq = header.getSequenceNumber();
        int status = header.getCommandStatus();
        switch (header.getCommandId()) {
            case SMPPConstant.CID_SUBMIT_SM_RESP -> {
                SubmitWindow.InFlight f = window.complete(seq);
                if (f == null) {
                    LOG.warning("submit_sm_resp for sequence " + seq + " on " + settings.connector()
                            + " came after its part was given up and queued again: the SMSC may deliver it twice");
                }
                if (f != null) {
                    SendOutcome outcome = SubmitStatus.outcome(status);
                    if (outcome == SendOutcome.THROTTLED) {
                        pauseSubmits(System.nanoTime() + timings.throttlePause().toNanos());
                    }
                    String smscId = outcome == SendOutcome.ACCEPTED ? messageId(pdu) : null;
                    answered.add(new SendResult(f.request().messageId(), outcome, status, smscId));
                }
            }
            case SMPPConstant.CID_GENERIC_NACK -> {
                if (seq == enquireLinkSequence) {
                    enquireLinkSequence = 0;
                } else {
                    SubmitWindow.InFlight f = window.complete(seq);
                    if (f != null) {
                        answered.add(new SendResult(f.request().messageId(), SendOutcome.RETRY, status, null));
                    }
                }
            }
            case SMPPConstant.CID_ENQUIRE_LINK_RESP -> {
                if (seq == enquireLinkSequence) {
                    enquireLinkSequence = 0;
                }
            }
            case SMPPConstant.CID_ENQUIRE_LINK -> respond(COMPOSER.enquireLinkResp(seq));
            case SMPPConstant.CID_DELIVER_SM -> respond(COMPOSER.deliverSmResp(deliver(pdu), seq, null));
            case SMPPConstant.CID_UNBIND -> {
                respond(COMPOSER.unbindResp(SMPPConstant.STAT_ESME_ROK, seq));
                flushResponses();
                lose("the SMSC unbound");
            }
            case SMPPConstant.CID_UNBIND_RESP -> unbindAnswered.countDown();
            default -> {
                // an unknown request gets generic_nack; responses nobody waits for are dropped
                if ((header.getCommandId() & SMPPConstant.MASK_CID_RESP) == 0) {
                    respond(COMPOSER.genericNack(SMPPConstant.STAT_ESME_RINVCMDID, seq));
                }
            }
        }
    }

    private int deliver(byte[] pdu) {
        DeliverSm sm;
        try {
            sm = DECOMPOSER.deliverSm(pdu);
        } catch (PDUStringException e) {
            return e.getErrorCode();
        } catch (RuntimeException e) {
            return SMPPConstant.STAT_ESME_RINVTLVSTREAM;
        }
        try {
            return connector.deliveries().deliver(settings.connector(), sm);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "the deliver_sm handler failed", e);
            return SMPPConstant.STAT_ESME_RSYSERR;
        }
    }

    /** The submit_sm_resp message_id, read without jSMPP's 64-octet check: some SMSCs send longer ids. */
    private static String messageId(byte[] pdu) {
        int end = 16;
        while (end < pdu.length && pdu[end] != 0) {
            end++;
        }
        return new String(pdu, 16, end - 16, StandardCharsets.ISO_8859_1);
    }

    private Command readHeader() throws IOException {
        Command header;
        try {
            header = pduReader.readPDUHeader(in);
        } catch (InvalidCommandLengthException e) {
            throw new IOException("invalid command_length", e);
        }
        if (header.getCommandLength() > MAX_PDU_LENGTH) {
            throw new IOException("command_length " + header.getCommandLength() + " too large");
        }
        return header;
    }

    private byte[] bindPdu(int seq) throws IOException {
        try {
            return COMPOSER.bind(bindCommandId(), seq, settings.systemId(), settings.password(),
                    settings.systemType(), INTERFACE_VERSION, (byte) 0, (byte) 0, null);
        } catch (PDUStringException e) {
            // the message would quote the value, which may be the password
            throw new IOException("invalid bind parameter " + e.getParameter());
        }
    }

    private int bindCommandId() {
        return switch (settings.mode()) {
            case TRANSMITTER -> SMPPConstant.CID_BIND_TRANSMITTER;
            case RECEIVER -> SMPPConstant.CID_BIND_RECEIVER;
            case TRANSCEIVER -> SMPPConstant.CID_BIND_TRANSCEIVER;
        };
    }

    private void respond(byte[] pdu) throws IOException {
        write(new byte[][] {pdu}, 1, false);
        responsesUnflushed = true;
    }

    private void flushResponses() throws IOException {
        if (responsesUnflushed) {
            responsesUnflushed = false;
            write(NO_PDUS, 0, true);
        }
    }

    private void publish(List<SendResult> answered) {
        if (!answered.isEmpty()) {
            results.add(new ArrayList<>(answered));
            answered.clear();
        }
    }

    private void writeAndFlush(byte[] pdu) throws IOException {
        write(new byte[][] {pdu}, 1, true);
    }

    /** Every write goes through here, timed, so that the watchdog notices one the SMSC no longer drains. */
    private void write(byte[][] pdus, int count, boolean flush) throws IOException {
        synchronized (out) {
            writeStartedNanos = System.nanoTime();
            writing = true;
            try {
                for (int i = 0; i < count; i++) {
                    out.write(pdus[i]);
                }
                if (flush) {
                    out.flush();
                }
            } finally {
                writing = false;
            }
        }
    }

    private int nextSequence() {
        sequence = sequence == Integer.MAX_VALUE ? 1 : sequence + 1;
        return sequence;
    }

    private void closeSocket() {
        try {
            socket.close();
        } catch (IOException e) {
            LOG.log(Level.FINEST, "close", e);
        }
    }

    private static long earliest(long a, long b) {
        return a - b <= 0 ? a : b;
    }
}
