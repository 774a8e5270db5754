package org.openemg.rar.jca;

import java.util.List;
import java.util.Map;
import java.util.Timer;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Logger;
import org.openemg.core.config.ConnectorConfig;
import org.openemg.core.config.Direction;
import org.openemg.core.config.Protocol;
import org.openemg.core.config.ServerConfig;
import org.openemg.rar.api.LinkFigures;
import org.openemg.rar.api.OutgoingMessage;
import org.openemg.rar.api.SendOutcome;
import org.openemg.rar.api.SendResult;
import org.openemg.rar.api.SubmitLatencies;

/**
 * The connectors this adapter runs, by name, and which kinds it can run: each kind (protocol and
 * direction) is one entry of {@link #KINDS}, so a new protocol adds an entry, not a branch.
 */
final class RunningConnectors {

    private static final Logger LOG = Logger.getLogger(RunningConnectors.class.getName());

    /** How the adapter starts one kind of connector. */
    private interface Kind {
        RunningConnector start(ServerConfig config, ConnectorConfig connector, ConnectorContext context);
    }

    private record KindKey(Protocol protocol, Direction direction) {
    }

    private static final Map<KindKey, Kind> KINDS = Map.of(
            new KindKey(Protocol.SMPP, Direction.OUTGOING), OutgoingSmppConnector::start,
            new KindKey(Protocol.SMPP, Direction.INCOMING), IncomingSmppConnector::start,
            new KindKey(Protocol.SMTP, Direction.INCOMING), IncomingSmtpConnector::start,
            new KindKey(Protocol.SMTP, Direction.OUTGOING), OutgoingSmtpConnector::start,
            new KindKey(Protocol.HTTP, Direction.OUTGOING), OutgoingHttpConnector::start);

    private final ConcurrentHashMap<String, RunningConnector> running = new ConcurrentHashMap<>();
    private final ConnectorContext context;

    RunningConnectors(ListenerEndpoint listener, AdapterThreads threads, Timer timer) {
        this.context = new ConnectorContext(listener, threads, timer);
    }

    boolean runs(ConnectorConfig connector) {
        return KINDS.containsKey(new KindKey(connector.protocol(), connector.type()));
    }

    synchronized void open(ServerConfig config, String name) {
        ConnectorConfig connector = config.connector(name)
                .orElseThrow(() -> new IllegalArgumentException("no connector " + name + " in the configuration"));
        Kind kind = KINDS.get(new KindKey(connector.protocol(), connector.type()));
        if (kind == null) {
            throw new IllegalArgumentException("connector " + name + ": the adapter does not run "
                    + connector.type() + " " + connector.protocol());
        }
        RunningConnector current = running.get(name);
        if (current != null) {
            if (current.runsWith(config)) {
                return;
            }
            current.stop();
        }
        running.put(name, kind.start(config, connector, context));
    }

    synchronized void shutdown(String name) {
        RunningConnector current = running.remove(name);
        if (current != null) {
            current.stop();
        }
    }

    synchronized void shutdownAll() {
        running.keySet().forEach(this::shutdown);
    }

    void send(String name, List<OutgoingMessage> batch) {
        RunningConnector current = running.get(name);
        if (current == null) {
            LOG.fine(() -> "send to " + name + ", which does not run: " + batch.size() + " messages answered LINK_LOST");
            context.listener().record(name, batch.stream()
                    .map(m -> new SendResult(m.messageId(), SendOutcome.LINK_LOST, 0, null)).toList());
            return;
        }
        current.send(batch);
    }

    int readyCount(String name) {
        RunningConnector current = running.get(name);
        return current == null ? 0 : current.readyCount();
    }

    LinkFigures figures(String name) {
        RunningConnector current = running.get(name);
        return current == null ? LinkFigures.NOT_RUNNING : current.figures();
    }

    void observe(SubmitLatencies latencies) {
        context.listener().observe(latencies);
    }
}
