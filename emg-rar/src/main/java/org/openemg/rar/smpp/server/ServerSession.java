package org.openemg.rar.smpp.server;

import java.io.IOException;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.jsmpp.InvalidNumberOfDestinationsException;
import org.jsmpp.PDUStringException;
import org.jsmpp.SMPPConstant;
import org.jsmpp.bean.Bind;
import org.jsmpp.bean.CancelSm;
import org.jsmpp.bean.QuerySm;
import org.jsmpp.bean.ReplaceSm;
import org.jsmpp.bean.SubmitMulti;
import org.jsmpp.util.DefaultComposer;
import org.jsmpp.util.DefaultDecomposer;
import org.jsmpp.util.PDUComposer;
import org.jsmpp.util.PDUDecomposer;
import org.openemg.core.config.BindMode;
import org.openemg.core.message.ClientIdentity;
import org.openemg.core.message.ClientRequest;
import org.openemg.core.message.MessageStatus;
import org.openemg.core.message.Options;
import org.openemg.core.message.Status;
import org.openemg.rar.api.OutgoingMessage;
import org.openemg.rar.api.SendOutcome;
import org.openemg.rar.api.SendResult;
import org.openemg.rar.smpp.link.LinkEnd;
import org.openemg.rar.smpp.link.LinkTimings;
import org.openemg.rar.smpp.link.PduFrame;
import org.openemg.rar.smpp.link.RequestWindow;
import org.openemg.rar.smpp.link.SmppLink;

/**
 * The server's end of one client connection: takes a bind (checked by the gateway), then the client's
 * submits, which it collects while the input is buffered and hands on as a group ({@link SubmitGroups})
 * when it is drained, so that their responses go out after the commit; answers query_sm, cancel_sm and
 * replace_sm at once; and, bound as receiver or transceiver, sends deliver_sm windowed as the client
 * answers them ({@link #pump}).
 */
final class ServerSession implements LinkEnd<OutgoingMessage> {

    private static final Logger LOG = Logger.getLogger(ServerSession.class.getName());
    private static final PDUComposer COMPOSER = new DefaultComposer();
    private static final PDUDecomposer DECOMPOSER = DefaultDecomposer.getInstance();
    /** Submits read but not answered yet; beyond this the reader stops reading until answers go out. */
    private static final int MAX_UNANSWERED_SUBMITS = 1_000;
    /** Collected submits are handed on at least this often, also while the input is never drained. */
    private static final int HAND_ON_EVERY = 200;
    private static final Duration PEER_UNBIND_GRACE = Duration.ofSeconds(2);

    private final ServerParts parts;
    private final String name;
    private final String remoteAddress;
    private final Runnable closed;
    private final RequestWindow<OutgoingMessage> window;
    private volatile SmppLink<OutgoingMessage> link;
    /** Guarded by this: how the client is bound (null before), and whether the link is lost. */
    private BindMode boundAs;
    private boolean linkGone;
    private volatile String user;
    private volatile boolean receives;
    /** Reader thread only. */
    private final List<PendingSubmit> collected = new ArrayList<>();
    private final List<SendResult> answered = new ArrayList<>();
    private final Object unansweredLock = new Object();
    private int unansweredSubmits;
    private final AtomicInteger pumpRequests = new AtomicInteger();

    /** @param closed what the connector does once the session's link is gone */
    ServerSession(ServerParts parts, String name, String remoteAddress, Runnable closed) {
        this.parts = parts;
        this.name = name;
        this.remoteAddress = remoteAddress;
        this.closed = closed;
        this.window = new RequestWindow<>(parts.settings().windowSize());
    }

    /** Starts reading the accepted connection; the watchdog judges its silence and its writes. */
    void open(Socket socket) throws IOException {
        IncomingSmppSettings settings = parts.settings();
        ServerTimings timings = parts.timings();
        LinkTimings linkTimings = new LinkTimings(timings.deliverResponse(), timings.deliverResponse(),
                Duration.ofSeconds(settings.idleTimeoutSeconds()), timings.writeStall());
        SmppLink<OutgoingMessage> opened = new SmppLink<>(name, socket, linkTimings, window, this);
        link = opened;
        parts.watchdog().watch(opened);
        opened.start(parts.threads());
    }

    String user() {
        return user;
    }

    /** Closes the connection; what is in flight on it is answered LINK_LOST. */
    int windowInUse() {
        return window.size();
    }

    void close(String reason) {
        SmppLink<OutgoingMessage> current = link;
        if (current != null) {
            current.lose(reason);
        } else {
            // no link was ever made, so no loss will tell the connector
            closed.run();
        }
    }

    @Override
    public boolean takes(int commandId) {
        return switch (commandId) {
            case SMPPConstant.CID_BIND_TRANSMITTER, SMPPConstant.CID_BIND_RECEIVER, SMPPConstant.CID_BIND_TRANSCEIVER,
                    SMPPConstant.CID_SUBMIT_SM, SMPPConstant.CID_SUBMIT_MULTI, SMPPConstant.CID_DATA_SM,
                    SMPPConstant.CID_QUERY_SM, SMPPConstant.CID_CANCEL_SM, SMPPConstant.CID_REPLACE_SM -> true;
            default -> false;
        };
    }

    @Override
    public byte[] request(PduFrame request) {
        int commandId = request.commandId();
        int seq = request.sequenceNumber();
        try {
            BindMode as = boundAs();
            if (bindMode(commandId) != null) {
                return as == null ? bind(request) : SubmitAnswers.status(commandId, SMPPConstant.STAT_ESME_RALYBND, seq);
            }
            if (as == null) {
                return SubmitAnswers.status(commandId, SMPPConstant.STAT_ESME_RINVBNDSTS, seq);
            }
            return switch (commandId) {
                case SMPPConstant.CID_SUBMIT_SM, SMPPConstant.CID_SUBMIT_MULTI, SMPPConstant.CID_DATA_SM ->
                        as == BindMode.RECEIVER ? SubmitAnswers.status(commandId, SMPPConstant.STAT_ESME_RINVBNDSTS, seq)
                                : collect(request);
                case SMPPConstant.CID_QUERY_SM -> query(request);
                case SMPPConstant.CID_CANCEL_SM -> cancel(request);
                default -> replace(request);
            };
        } catch (PDUStringException e) {
            return SubmitAnswers.status(commandId, e.getErrorCode(), seq);
        } catch (RefusedRequestException e) {
            return SubmitAnswers.status(commandId, e.commandStatus(), seq);
        } catch (InvalidNumberOfDestinationsException e) {
            return SubmitAnswers.status(commandId, SMPPConstant.STAT_ESME_RINVNUMDESTS, seq);
        } catch (RuntimeException e) {
            // jSMPP's decomposer reads past a short body with an unchecked exception
            LOG.log(Level.FINE, e, () -> "session " + name + ": unreadable request " + Integer.toHexString(commandId));
            return SubmitAnswers.status(commandId, SMPPConstant.STAT_ESME_RSYSERR, seq);
        }
    }

    private byte[] bind(PduFrame request) throws PDUStringException {
        int commandId = request.commandId();
        int seq = request.sequenceNumber();
        Bind bind = DECOMPOSER.bind(request.pdu());
        BindMode mode = bindMode(commandId);
        int status = bindStatus(bind, mode);
        SmppLink<OutgoingMessage> current = link;
        if (status != SMPPConstant.STAT_ESME_ROK) {
            // the connection stays open for another try: closing it at once can cut the bind_resp off at the client
            LOG.info(() -> String.format("SMPP bind of %s from %s on %s refused with status 0x%08X", bind.getSystemId(),
                    remoteAddress, parts.settings().connector(), status));
            return SubmitAnswers.status(commandId, status, seq);
        }
        user = bind.getSystemId();
        if (!markBound(mode)) {
            return null;
        }
        if (mode != BindMode.TRANSMITTER) {
            // registered before the client learns it is bound, so that what is sent to it from then on waits for it
            parts.deliveries().bound(this);
            if (current.isLost()) {
                parts.deliveries().lost(this);
            }
        }
        try {
            current.respond(COMPOSER.bindResp(commandId | SMPPConstant.MASK_CID_RESP, seq, "openemg"));
        } catch (IOException e) {
            current.lose("write failed: " + e);
            return null;
        }
        LOG.info(() -> "SMPP client " + user + " bound from " + remoteAddress + " on " + parts.settings().connector()
                + " as " + mode);
        // deliver_sm only after the bind_resp
        receives = mode != BindMode.TRANSMITTER;
        pump();
        return null;
    }

    private int bindStatus(Bind bind, BindMode mode) {
        if (!parts.settings().allows(mode)) {
            return SMPPConstant.STAT_ESME_RBINDFAIL;
        }
        if (!parts.bound().reserve()) {
            return SMPPConstant.STAT_ESME_RBINDFAIL;
        }
        Status login = parts.gateway().login(bind.getSystemId(), bind.getPassword(), remoteAddress);
        int status = switch (login) {
            case OK -> SMPPConstant.STAT_ESME_ROK;
            case INVALID_LOGIN -> parts.gateway().knowsUser(bind.getSystemId()) ? SMPPConstant.STAT_ESME_RINVPASWD
                    : SMPPConstant.STAT_ESME_RINVSYSID;
            case ACCESS_DENIED -> SMPPConstant.STAT_ESME_RBINDFAIL;
            default -> SMPPConstant.STAT_ESME_RSYSERR;
        };
        if (status != SMPPConstant.STAT_ESME_ROK) {
            parts.bound().release();
        }
        return status;
    }

    /** @return false when the link was lost meanwhile (the reserved instance is given back) */
    private synchronized boolean markBound(BindMode mode) {
        if (linkGone) {
            parts.bound().release();
            return false;
        }
        boundAs = mode;
        return true;
    }

    private synchronized BindMode boundAs() {
        return boundAs;
    }

    private byte[] collect(PduFrame request) throws PDUStringException, RefusedRequestException,
            InvalidNumberOfDestinationsException {
        int commandId = request.commandId();
        int seq = request.sequenceNumber();
        ClientIdentity client = new ClientIdentity(user, remoteAddress);
        PendingSubmit submit = switch (commandId) {
            case SMPPConstant.CID_SUBMIT_SM -> new PendingSubmit(this, new ClientRequest(client,
                    List.of(SubmitReader.submitSm(DECOMPOSER.submitSm(request.pdu())))),
                    outcome -> SubmitAnswers.single(commandId, seq, outcome));
            case SMPPConstant.CID_DATA_SM -> new PendingSubmit(this, new ClientRequest(client,
                    List.of(SubmitReader.dataSm(DECOMPOSER.dataSm(request.pdu())))),
                    outcome -> SubmitAnswers.single(commandId, seq, outcome));
            default -> {
                SubmitMulti multi = DECOMPOSER.submitMulti(request.pdu());
                yield new PendingSubmit(this, new ClientRequest(client, SubmitReader.submitMulti(multi)),
                        outcome -> SubmitAnswers.multi(seq, multi.getDestAddresses(), outcome));
            }
        };
        awaitTurn();
        collected.add(submit);
        if (collected.size() >= HAND_ON_EVERY) {
            handOn();
        }
        return null;
    }

    /** THROUGHPUT and the limit of unanswered submits hold the reader; what it collected goes on first. */
    private void awaitTurn() {
        long wait = parts.pace().reserve();
        if (wait > 0) {
            handOn();
            sleep(wait);
        }
        synchronized (unansweredLock) {
            if (unansweredSubmits < MAX_UNANSWERED_SUBMITS) {
                unansweredSubmits++;
                return;
            }
        }
        handOn();
        synchronized (unansweredLock) {
            while (unansweredSubmits >= MAX_UNANSWERED_SUBMITS && !link.isLost()) {
                try {
                    unansweredLock.wait(TimeUnit.SECONDS.toMillis(1));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    link.lose("interrupted");
                    return;
                }
            }
            unansweredSubmits++;
        }
    }

    private void sleep(long nanos) {
        try {
            TimeUnit.NANOSECONDS.sleep(nanos);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void handOn() {
        if (!collected.isEmpty()) {
            parts.submits().offer(new ArrayList<>(collected));
            collected.clear();
        }
    }

    /** Answers submits the gateway decided, with one write; from a {@link SubmitGroups} thread. */
    void respond(List<byte[]> responses) {
        try {
            link.respond(responses.toArray(new byte[0][]), responses.size());
        } catch (IOException e) {
            link.lose("write failed: " + e);
        }
        synchronized (unansweredLock) {
            unansweredSubmits -= responses.size();
            unansweredLock.notifyAll();
        }
    }

    private byte[] query(PduFrame request) throws PDUStringException, RefusedRequestException {
        QuerySm query = DECOMPOSER.querySm(request.pdu());
        long id = messageId(query.getMessageId());
        Optional<MessageStatus> status = parts.gateway().status(user, id);
        if (status.isEmpty()) {
            return SubmitAnswers.status(request.commandId(), SMPPConstant.STAT_ESME_RQUERYFAIL, request.sequenceNumber());
        }
        QueryAnswer answer = QueryAnswer.of(status.get());
        return COMPOSER.querySmResp(request.sequenceNumber(), query.getMessageId(), answer.finalDate(),
                answer.messageState(), (byte) 0);
    }

    private byte[] cancel(PduFrame request) throws PDUStringException, RefusedRequestException {
        CancelSm cancel = DECOMPOSER.cancelSm(request.pdu());
        if (parts.gateway().cancel(user, messageId(cancel.getMessageId()))) {
            return COMPOSER.cancelSmResp(request.sequenceNumber());
        }
        return SubmitAnswers.status(request.commandId(), SMPPConstant.STAT_ESME_RCANCELFAIL, request.sequenceNumber());
    }

    private byte[] replace(PduFrame request) throws PDUStringException, RefusedRequestException {
        ReplaceSm replace = DECOMPOSER.replaceSm(request.pdu());
        long id = messageId(replace.getMessageId());
        Options replacement = SubmitReader.replacement(replace);
        if (parts.gateway().replace(user, id, replacement)) {
            return COMPOSER.replaceSmResp(request.sequenceNumber());
        }
        return SubmitAnswers.status(request.commandId(), SMPPConstant.STAT_ESME_RREPLACEFAIL, request.sequenceNumber());
    }

    /** Our ids are decimal; anything else names no message of ours. */
    private static long messageId(String text) throws RefusedRequestException {
        try {
            return Long.parseLong(text.trim());
        } catch (NumberFormatException | NullPointerException e) {
            throw new RefusedRequestException(SMPPConstant.STAT_ESME_RINVMSGID, "not one of our ids: " + text);
        }
    }

    @Override
    public void answered(OutgoingMessage request, PduFrame response) {
        int status = response.commandStatus();
        SendOutcome outcome = response.commandId() == SMPPConstant.CID_DELIVER_SM_RESP ? DeliverSmOutcome.of(status)
                : SendOutcome.RETRY;
        answered.add(new SendResult(request.messageId(), outcome, status, null));
    }

    @Override
    public void unanswered(List<OutgoingMessage> requests) {
        List<SendResult> retry = new ArrayList<>(requests.size());
        for (OutgoingMessage request : requests) {
            retry.add(new SendResult(request.messageId(), SendOutcome.RETRY, -1, null));
        }
        parts.results().add(retry);
        pump();
    }

    /** jSMPP clients wait out their response timeout for an unbind_resp that is followed at once by the close. */
    @Override
    public Duration peerUnbindGrace() {
        return PEER_UNBIND_GRACE;
    }

    @Override
    public void drained() {
        handOn();
        if (!answered.isEmpty()) {
            parts.results().add(new ArrayList<>(answered));
            answered.clear();
            pump();
        }
    }

    @Override
    public void lost(List<OutgoingMessage> inFlight, String reason) {
        boolean wasBound;
        synchronized (this) {
            linkGone = true;
            wasBound = boundAs != null;
        }
        if (wasBound) {
            parts.bound().release();
            parts.deliveries().lost(this);
            LOG.info(() -> "SMPP client " + user + " from " + remoteAddress + " on " + parts.settings().connector()
                    + " gone: " + reason);
        }
        parts.results().addLinkLost(inFlight);
        synchronized (unansweredLock) {
            unansweredLock.notifyAll();
        }
        closed.run();
    }

    /**
     * Sends deliver_sm while the window has room and messages wait for this session. Any thread may call it
     * whenever room or work may have appeared; one of them sends at a time, the others leave it a turn more.
     */
    void pump() {
        if (!receives || pumpRequests.getAndIncrement() != 0) {
            return;
        }
        int turns = 1;
        do {
            fillWindow();
            turns = pumpRequests.addAndGet(-turns);
        } while (turns != 0);
    }

    private void fillWindow() {
        SmppLink<OutgoingMessage> current = link;
        while (!current.isLost()) {
            int room;
            try {
                room = window.awaitRoom(System.nanoTime());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            List<OutgoingMessage> batch = room == 0 ? List.of() : parts.deliveries().take(this, room);
            if (batch.isEmpty()) {
                return;
            }
            send(current, batch);
        }
    }

    private void send(SmppLink<OutgoingMessage> current, List<OutgoingMessage> batch) {
        int[] sequences = new int[batch.size()];
        byte[][] pdus = new byte[batch.size()][];
        List<OutgoingMessage> sendable = new ArrayList<>(batch.size());
        List<SendResult> rejected = new ArrayList<>(0);
        for (OutgoingMessage message : batch) {
            int n = sendable.size();
            try {
                sequences[n] = current.nextSequence();
                pdus[n] = parts.composer().compose(sequences[n], message);
                sendable.add(message);
            } catch (PDUStringException | RuntimeException e) {
                LOG.log(Level.WARNING, e, () -> "message " + message.messageId() + " makes no deliver_sm; it fails");
                rejected.add(new SendResult(message.messageId(), SendOutcome.REJECTED, SMPPConstant.STAT_ESME_RSYSERR, null));
            }
        }
        parts.results().add(rejected);
        try {
            if (!sendable.isEmpty() && !current.send(sequences, sendable, pdus)) {
                parts.deliveries().giveBack(sendable);
            }
        } catch (IOException e) {
            current.lose("write failed: " + e);
        }
    }

    private static BindMode bindMode(int commandId) {
        return switch (commandId) {
            case SMPPConstant.CID_BIND_TRANSMITTER -> BindMode.TRANSMITTER;
            case SMPPConstant.CID_BIND_RECEIVER -> BindMode.RECEIVER;
            case SMPPConstant.CID_BIND_TRANSCEIVER -> BindMode.TRANSCEIVER;
            default -> null;
        };
    }
}
