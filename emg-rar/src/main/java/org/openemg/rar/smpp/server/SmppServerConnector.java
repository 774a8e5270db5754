package org.openemg.rar.smpp.server;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.openemg.core.flow.Pace;
import org.openemg.rar.api.OutgoingMessage;
import org.openemg.rar.smpp.client.ResultFlusher;
import org.openemg.rar.smpp.link.LinkWatchdog;
import org.openemg.rar.work.SendResults;
import org.openemg.rar.work.TaskThreads;

/**
 * An incoming SMPP connector: listens on ADDRESS and runs one {@link ServerSession} per client connection.
 * Threads, all from the {@link TaskThreads} it is given: one reader per connection; per connector one that
 * accepts connections, two that hand submits to the gateway in groups, one that hands on deliver_sm results
 * in groups, and one watchdog over its links. Every message passed to {@link #send} gets exactly one result.
 */
public final class SmppServerConnector {

    private static final Logger LOG = Logger.getLogger(SmppServerConnector.class.getName());
    /** Connections beyond INSTANCES that are still read, so that their bind is answered rather than cut. */
    private static final int SPARE_CONNECTIONS = 10;
    private static final int SUBMIT_THREADS = 2;
    private static final long RESULT_INTERVAL_NANOS = TimeUnit.MILLISECONDS.toNanos(10);
    private static final int RESULT_GROUP = 500;

    private final IncomingSmppSettings settings;
    private final ServerParts parts;
    private final Set<ServerSession> sessions = ConcurrentHashMap.newKeySet();
    private final AtomicInteger connections = new AtomicInteger();
    private final AtomicInteger accepted = new AtomicInteger();
    private final List<Future<?>> tasks = new ArrayList<>();
    private volatile ServerSocket listener;
    private volatile boolean stopped;

    public SmppServerConnector(IncomingSmppSettings settings, SessionGateway gateway, SendResults results,
                               TaskThreads threads) {
        this(settings, gateway, results, threads, ServerTimings.DEFAULT);
    }

    SmppServerConnector(IncomingSmppSettings settings, SessionGateway gateway, SendResults results,
                        TaskThreads threads, ServerTimings timings) {
        this.settings = settings;
        ResultFlusher flusher = new ResultFlusher(settings.connector(), results, RESULT_INTERVAL_NANOS, RESULT_GROUP);
        this.parts = new ServerParts(settings, timings, gateway, new SubmitGroups(gateway),
                new Deliveries(settings.users(), flusher), flusher, new DeliverSmComposer(Clock.systemUTC()),
                new BoundSessions(settings.instances()), new Pace(settings.throughput()), threads,
                new LinkWatchdog(timings.watchdogTick()));
    }

    /**
     * Listens and starts the connector's threads. Call once.
     *
     * @throws IOException when the port cannot be bound; RejectedExecutionException when the adapter has no
     *                     threads left (nothing keeps running either way)
     */
    public synchronized void start() throws IOException {
        ServerSocket socket = new ServerSocket();
        socket.setReuseAddress(true);
        try {
            socket.bind(settings.address().anyHost() ? new InetSocketAddress(settings.address().port())
                    : new InetSocketAddress(InetAddress.getByName(settings.address().host()), settings.address().port()), 200);
        } catch (IOException e) {
            socket.close();
            throw new IOException("SMPP connector " + settings.connector() + " cannot listen on " + settings.address()
                    + ": " + e.getMessage(), e);
        }
        listener = socket;
        try {
            tasks.add(parts.threads().start(threadName("results"), parts.results()));
            for (int i = 0; i < SUBMIT_THREADS; i++) {
                tasks.add(parts.threads().start(threadName("submits-" + i), parts.submits()));
            }
            tasks.add(parts.threads().start(threadName("watchdog"), parts.watchdog()));
            tasks.add(parts.threads().start(threadName("accept"), this::acceptConnections));
        } catch (RejectedExecutionException e) {
            stop();
            throw e;
        }
        LOG.info(() -> "SMPP connector " + settings.connector() + " listening on port " + port());
    }

    /** The port actually bound (the configured one, or the one the system chose for port 0). */
    public int port() {
        return listener.getLocalPort();
    }

    /** Queues messages for the clients they are for and returns at once; for nobody bound, LINK_LOST. */
    public void send(List<OutgoingMessage> batch) {
        if (!batch.isEmpty()) {
            parts.deliveries().send(batch);
        }
    }

    /** Sessions bound as receiver or transceiver: those deliver_sm can go to. */
    public int receiverCount() {
        return parts.deliveries().receiverCount();
    }

    /** Unanswered deliver_sm over all sessions. */
    public int windowInUse() {
        return parts.deliveries().windowInUse();
    }

    /** Sessions bound now, of any kind. */
    public int boundCount() {
        return parts.bound().count();
    }

    /** Closes the listener and every session; what waits or is in flight is answered LINK_LOST before this returns. */
    public synchronized void stop() {
        if (stopped) {
            return;
        }
        stopped = true;
        try {
            if (listener != null) {
                listener.close();
            }
        } catch (IOException e) {
            LOG.log(Level.FINEST, "close", e);
        }
        sessions.forEach(session -> session.close("connector stopped"));
        parts.submits().stop();
        parts.watchdog().stop();
        parts.results().stop();
        for (Future<?> task : tasks) {
            awaitEnd(task);
        }
        LOG.info(() -> "Stopped SMPP connector " + settings.connector());
    }

    private void acceptConnections() {
        ServerSocket socket = listener;
        while (!stopped) {
            Socket connection;
            try {
                connection = socket.accept();
            } catch (IOException e) {
                if (!stopped) {
                    LOG.log(Level.SEVERE, "SMPP connector " + settings.connector() + " stopped accepting", e);
                }
                return;
            }
            if (connections.incrementAndGet() > settings.instances() + SPARE_CONNECTIONS) {
                connections.decrementAndGet();
                closeQuietly(connection);
                continue;
            }
            String remote = connection.getInetAddress().getHostAddress();
            String name = settings.connector() + "#" + accepted.incrementAndGet();
            ServerSession[] session = new ServerSession[1];
            session[0] = new ServerSession(parts, name, remote, () -> {
                sessions.remove(session[0]);
                connections.decrementAndGet();
            });
            sessions.add(session[0]);
            try {
                session[0].open(connection);
            } catch (IOException | RuntimeException e) {
                LOG.log(Level.WARNING, "SMPP connector " + settings.connector() + ": a connection from " + remote
                        + " could not be served: " + e.getMessage());
                session[0].close("not served");
                closeQuietly(connection);
            }
        }
    }

    private static void awaitEnd(Future<?> task) {
        try {
            task.get(5, TimeUnit.SECONDS);
        } catch (TimeoutException | ExecutionException e) {
            LOG.log(Level.FINE, "a connector task did not end cleanly", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException e) {
            LOG.log(Level.FINEST, "close", e);
        }
    }

    private String threadName(String role) {
        return "smpp-" + settings.connector() + "-" + role;
    }
}
