package org.openemg.rar.smpp.client;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.jsmpp.PDUStringException;
import org.jsmpp.SMPPConstant;
import org.jsmpp.util.DefaultComposer;
import org.jsmpp.util.PDUComposer;
import org.openemg.core.config.BindMode;
import org.openemg.core.dlr.DeliveryReport;
import org.openemg.core.message.OptionNames;
import org.openemg.rar.api.OutgoingMessage;
import org.openemg.rar.api.SendOutcome;
import org.openemg.rar.api.SendResult;
import org.openemg.rar.smpp.link.LinkTimings;
import org.openemg.rar.smpp.link.PduFrame;
import org.openemg.rar.smpp.link.RequestWindow;
import org.openemg.rar.smpp.link.SmppLink;

/**
 * One TCP connection of a bind to an SMSC, from connect to loss, on the {@link SmppLink} that carries it.
 * The bind's own thread connects, binds, then runs the sender loop ({@link #serve}): it takes requests from
 * the connector's queue as far as the window has room, writes them with one flush per batch, and sends
 * enquire_link between batches. The link's reader resolves the answers ({@link ClientEnd}); the connector's
 * watchdog judges the link's liveness.
 */
final class SmppSession {

    private static final Logger LOG = Logger.getLogger(SmppSession.class.getName());
    private static final byte INTERFACE_VERSION = 0x34;
    /** The sender waits at most this long for work, so that it looks at a stop and enquire_link often enough. */
    private static final long IDLE_WAKE_NANOS = TimeUnit.SECONDS.toNanos(1);
    private static final PDUComposer COMPOSER = new DefaultComposer();

    private final ConnectorParts parts;
    private final OutgoingSmppSettings settings;
    private final ClientTimings timings;
    private final SubmitQueue queue;
    private final ResultFlusher results;
    private final String name;
    private final boolean takesSubmits;
    private final RequestWindow<OutgoingMessage> window;
    private final Socket socket = new Socket();
    private volatile SmppLink<OutgoingMessage> link;
    /** Guarded by this, so that a loss during the bind is counted down exactly when the bind was counted up. */
    private boolean bound;
    private volatile long pausedUntilNanos;

    SmppSession(ConnectorParts parts, String name) {
        this.parts = parts;
        this.settings = parts.settings();
        this.timings = parts.timings();
        this.queue = parts.queue();
        this.results = parts.results();
        this.name = name;
        this.takesSubmits = settings.mode() != BindMode.RECEIVER;
        this.window = new RequestWindow<>(Math.max(1, settings.windowSize()), results::answeredAfter);
    }

    /** Submits sent on this connection and not answered yet. */
    int windowInUse() {
        return window.size();
    }

    /** Connects and binds; on return the session is bound, its link read and watched. */
    void open() throws IOException, InterruptedException {
        socket.connect(new InetSocketAddress(settings.host(), settings.port()), (int) timings.bindResponse().toMillis());
        ClientEnd end = new ClientEnd(settings.connector(), results, timings.resultFlushSize(), parts.deliveries(),
                () -> pauseSubmits(System.nanoTime() + timings.throttlePause().toNanos()), this::linkLost);
        SmppLink<OutgoingMessage> opened = new SmppLink<>(name, socket, linkTimings(), window, end);
        end.answerOn(opened);
        link = opened;
        opened.start(parts.threads());
        int seq = opened.nextSequence();
        PduFrame answer = opened.call(bindPdu(seq), seq, timings.bindResponse());
        if (answer.commandStatus() != 0 || answer.commandId() == SMPPConstant.CID_GENERIC_NACK) {
            throw new IOException(String.format("bind refused with status 0x%08X", answer.commandStatus()));
        }
        markBound(opened);
        parts.watchdog().watch(opened);
    }

    /** The sender loop: returns when the link is lost or the connector stops. */
    void serve() {
        SmppLink<OutgoingMessage> current = link;
        long keepAlive = TimeUnit.SECONDS.toNanos(Math.max(0, settings.keepAliveSeconds()));
        long nextEnquireLink = System.nanoTime() + keepAlive;
        try {
            while (!current.isLost() && !parts.stop().isGiven()) {
                long now = System.nanoTime();
                long deadline = now + IDLE_WAKE_NANOS;
                if (keepAlive > 0) {
                    if (now - nextEnquireLink >= 0) {
                        current.enquireLink();
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
                        // with THROUGHPUT each submit waits for its slot, so they are taken one at a time
                        int take = parts.pace().limits() ? 1 : room;
                        List<OutgoingMessage> batch = takeBatch(take, deadline - System.nanoTime());
                        if (!batch.isEmpty()) {
                            awaitPace(batch);
                            submit(current, batch);
                        }
                    }
                }
            }
        } catch (IOException e) {
            current.lose("write failed: " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            current.lose("interrupted");
        } catch (RuntimeException e) {
            LOG.log(Level.SEVERE, "SMPP sender failed", e);
            current.lose("sender failed: " + e);
        }
    }

    /** Unbinds (answers to earlier submits still count while it waits for unbind_resp), then closes. */
    void unbind() {
        link.unbind(timings.unbindResponse());
    }

    /** Ends the session from outside: aborts a connect or bind in progress, wakes the sender loop. */
    void wakeUp() {
        synchronized (this) {
            if (!bound) {
                closeSocket();
            }
        }
        window.wakeUp();
    }

    /** Why the link was lost. */
    String lossReason() {
        SmppLink<OutgoingMessage> current = link;
        return current == null ? null : current.lossReason();
    }

    /** Closes the session once; everything in flight on it is answered LINK_LOST. */
    void lose(String reason) {
        SmppLink<OutgoingMessage> current = link;
        if (current != null) {
            current.lose(reason);
        } else {
            closeSocket();
        }
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
                results.addLinkLost(queue.giveBack(batch));
                throw e;
            }
        }
        return batch;
    }

    /** THROUGHPUT paces messages, never a DLR (spec section 2). */
    private void awaitPace(List<OutgoingMessage> batch) {
        int paced = 0;
        for (OutgoingMessage message : batch) {
            if (!DeliveryReport.MSGTYPE_DLR.equals(message.options().get(OptionNames.MSGTYPE))) {
                paced++;
            }
        }
        parts.pace().await(paced);
    }

    /** Holds further submits until {@code untilNanos} (System.nanoTime), after a throttling answer. */
    void pauseSubmits(long untilNanos) {
        pausedUntilNanos = untilNanos;
    }

    private void awaitPauseEnd() throws InterruptedException {
        long until;
        while (!isLost() && (until = pausedUntilNanos) - System.nanoTime() > 0) {
            window.await(until);
        }
    }

    private void submit(SmppLink<OutgoingMessage> current, List<OutgoingMessage> batch) throws IOException {
        int[] sequences = new int[batch.size()];
        byte[][] pdus = new byte[batch.size()][];
        List<OutgoingMessage> sendable = new ArrayList<>(batch.size());
        List<SendResult> rejected = new ArrayList<>(0);
        for (OutgoingMessage request : batch) {
            int n = sendable.size();
            try {
                sequences[n] = current.nextSequence();
                pdus[n] = parts.composer().compose(sequences[n], request);
                sendable.add(request);
            } catch (UnsendableMessageException e) {
                rejected.add(new SendResult(request.messageId(), SendOutcome.REJECTED, e.commandStatus(), null));
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, e, () -> "message " + request.messageId() + " could not be encoded");
                rejected.add(new SendResult(request.messageId(), SendOutcome.REJECTED, SubmitStatus.ESME_RSYSERR, null));
            }
        }
        results.add(rejected);
        if (!sendable.isEmpty() && !current.send(sequences, sendable, pdus)) {
            results.addLinkLost(queue.giveBack(sendable));
        }
    }

    private synchronized void markBound(SmppLink<OutgoingMessage> opened) throws IOException {
        if (opened.isLost()) {
            throw new IOException("lost right after the bind: " + opened.lossReason());
        }
        bound = true;
        parts.bound().up(takesSubmits);
    }

    private void linkLost() {
        synchronized (this) {
            if (bound) {
                parts.bound().down(takesSubmits);
            }
        }
        queue.wakeUp();
    }

    private boolean isLost() {
        SmppLink<OutgoingMessage> current = link;
        return current != null && current.isLost();
    }

    /** Submits unanswered for submitResponse are retried, a write blocked that long closes the link, as do 2 x KEEPALIVE of silence. */
    private LinkTimings linkTimings() {
        Duration silence = Duration.ofSeconds(2L * Math.max(0, settings.keepAliveSeconds()));
        return new LinkTimings(timings.submitResponse(), timings.enquireLinkResponse(), silence,
                timings.submitResponse());
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
