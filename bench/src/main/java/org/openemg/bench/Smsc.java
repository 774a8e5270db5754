package org.openemg.bench;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import org.jsmpp.PDUStringException;
import org.jsmpp.bean.BroadcastSm;
import org.jsmpp.bean.CancelBroadcastSm;
import org.jsmpp.bean.CancelSm;
import org.jsmpp.bean.DataSm;
import org.jsmpp.bean.QueryBroadcastSm;
import org.jsmpp.bean.QuerySm;
import org.jsmpp.bean.ReplaceSm;
import org.jsmpp.bean.SubmitMulti;
import org.jsmpp.bean.SubmitSm;
import org.jsmpp.extra.ProcessRequestException;
import org.jsmpp.session.BindRequest;
import org.jsmpp.session.BroadcastSmResult;
import org.jsmpp.session.DataSmResult;
import org.jsmpp.session.QueryBroadcastSmResult;
import org.jsmpp.session.QuerySmResult;
import org.jsmpp.session.SMPPServerSession;
import org.jsmpp.session.SMPPServerSessionListener;
import org.jsmpp.session.ServerMessageReceiverListener;
import org.jsmpp.session.Session;
import org.jsmpp.session.SubmitMultiResult;
import org.jsmpp.session.SubmitSmResult;
import org.jsmpp.session.connection.ServerConnection;
import org.jsmpp.session.connection.ServerConnectionFactory;
import org.jsmpp.session.connection.socket.ServerSocketConnection;
import org.jsmpp.util.MessageId;

/**
 * The SMSC the gateway's smpp-out binds to: jSMPP's server side on 127.0.0.1 (an ephemeral port),
 * accepts binds of system_id/password bench/bench, answers every submit_sm with a fresh id, and
 * records per destination how often and when (first arrival, nanoTime) it arrived.
 * <p>
 * Destinations of the bench are {@code base + k} for message number k (see {@link Load}); anything
 * else is counted as unexpected.
 */
final class Smsc implements ServerMessageReceiverListener, AutoCloseable {

    static final String SYSTEM_ID = "bench";
    static final String PASSWORD = "bench";

    private final long base;
    private final AtomicIntegerArray count;
    private final AtomicLongArray firstArrival;
    private final AtomicLong total = new AtomicLong();
    private final AtomicLong unexpected = new AtomicLong();
    private final AtomicLong lastArrival = new AtomicLong();
    private final AtomicLong nextId = new AtomicLong(0x100000);
    private final List<SMPPServerSession> sessions = new CopyOnWriteArrayList<>();
    private final ExecutorService threads = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "smsc");
        t.setDaemon(true);
        return t;
    });
    private final SMPPServerSessionListener listener;
    private final int port;
    private volatile boolean closed;

    Smsc(long base, int size, int window) throws IOException {
        this.base = base;
        this.count = new AtomicIntegerArray(size);
        this.firstArrival = new AtomicLongArray(size);
        LoopbackFactory factory = new LoopbackFactory();
        listener = new SMPPServerSessionListener(0, factory);
        port = factory.socket.getLocalPort();
        listener.setMessageReceiverListener(this);
        // at least the gateway's window, else jSMPP answers ESME_RTHROTTLED (BUILD-FACTS.md)
        listener.setQueueCapacity(Math.max(1000, window * 4));
        threads.execute(this::acceptLoop);
    }

    int port() {
        return port;
    }

    private void acceptLoop() {
        while (!closed) {
            try {
                SMPPServerSession session = listener.accept();
                threads.execute(() -> bind(session));
            } catch (IOException e) {
                if (!closed) {
                    System.err.println("smsc: accept failed: " + e);
                }
                return;
            }
        }
    }

    private void bind(SMPPServerSession session) {
        try {
            BindRequest request = session.waitForBind(10_000);
            if (SYSTEM_ID.equals(request.getSystemId()) && PASSWORD.equals(request.getPassword())) {
                request.accept("BENCHSMSC");
                sessions.add(session);
            } else {
                System.err.println("smsc: bind of " + request.getSystemId() + " rejected");
                request.reject(0x0E);
            }
        } catch (Exception e) {
            session.close();
        }
    }

    int boundSessions() {
        sessions.removeIf(s -> !s.getSessionState().isBound());
        return sessions.size();
    }

    @Override
    public SubmitSmResult onAcceptSubmitSm(SubmitSm submit, SMPPServerSession session) throws ProcessRequestException {
        long now = System.nanoTime();
        total.incrementAndGet();
        lastArrival.accumulateAndGet(now, Math::max);
        int k = index(submit.getDestAddress());
        if (k < 0) {
            unexpected.incrementAndGet();
        } else if (count.getAndIncrement(k) == 0) {
            firstArrival.set(k, now);
        }
        try {
            return new SubmitSmResult(new MessageId(Long.toHexString(nextId.incrementAndGet())), null);
        } catch (PDUStringException e) {
            throw new ProcessRequestException(e.getMessage(), 0x08);
        }
    }

    private int index(String destination) {
        if (destination == null || destination.isEmpty() || destination.length() > 18) {
            return -1;
        }
        long n = 0;
        for (int i = 0; i < destination.length(); i++) {
            char c = destination.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            n = n * 10 + (c - '0');
        }
        long k = n - base;
        return k >= 0 && k < count.length() ? (int) k : -1;
    }

    long total() {
        return total.get();
    }

    long unexpected() {
        return unexpected.get();
    }

    int count(int k) {
        return count.get(k);
    }

    long firstArrival(int k) {
        return firstArrival.get(k);
    }

    long lastArrival() {
        return lastArrival.get();
    }

    @Override
    public void close() {
        closed = true;
        sessions.forEach(s -> {
            try {
                s.unbindAndClose();
            } catch (RuntimeException e) {
                s.close();
            }
        });
        try {
            listener.close();
        } catch (IOException ignored) {
            // going away
        }
        threads.shutdownNow();
    }

    /** jSMPP's listener on 127.0.0.1 only, remembering the socket so the ephemeral port is known. */
    private static final class LoopbackFactory implements ServerConnectionFactory {
        ServerSocket socket;

        @Override
        public ServerConnection listen(int port) throws IOException {
            return listen(port, 0, 50);
        }

        @Override
        public ServerConnection listen(int port, int timeout) throws IOException {
            return listen(port, timeout, 50);
        }

        @Override
        public ServerConnection listen(int port, int timeout, int backlog) throws IOException {
            socket = new ServerSocket(port, backlog, InetAddress.getByName("127.0.0.1"));
            socket.setSoTimeout(timeout);
            return new ServerSocketConnection(socket);
        }
    }

    @Override
    public SubmitMultiResult onAcceptSubmitMulti(SubmitMulti submitMulti, SMPPServerSession source) throws ProcessRequestException {
        throw new ProcessRequestException("not supported", 0x03);
    }

    @Override
    public QuerySmResult onAcceptQuerySm(QuerySm querySm, SMPPServerSession source) throws ProcessRequestException {
        throw new ProcessRequestException("not supported", 0x03);
    }

    @Override
    public void onAcceptReplaceSm(ReplaceSm replaceSm, SMPPServerSession source) throws ProcessRequestException {
        throw new ProcessRequestException("not supported", 0x03);
    }

    @Override
    public void onAcceptCancelSm(CancelSm cancelSm, SMPPServerSession source) throws ProcessRequestException {
        throw new ProcessRequestException("not supported", 0x03);
    }

    @Override
    public BroadcastSmResult onAcceptBroadcastSm(BroadcastSm broadcastSm, SMPPServerSession source) throws ProcessRequestException {
        throw new ProcessRequestException("not supported", 0x03);
    }

    @Override
    public void onAcceptCancelBroadcastSm(CancelBroadcastSm cancelBroadcastSm, SMPPServerSession source) throws ProcessRequestException {
        throw new ProcessRequestException("not supported", 0x03);
    }

    @Override
    public QueryBroadcastSmResult onAcceptQueryBroadcastSm(QueryBroadcastSm queryBroadcastSm, SMPPServerSession source) throws ProcessRequestException {
        throw new ProcessRequestException("not supported", 0x03);
    }

    @Override
    public DataSmResult onAcceptDataSm(DataSm dataSm, Session source) throws ProcessRequestException {
        throw new ProcessRequestException("not supported", 0x03);
    }
}
