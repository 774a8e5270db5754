package org.openemg.rar.jca;

import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Logger;
import org.openemg.rar.api.OutgoingSmppSettings;
import org.openemg.rar.api.SubmitOutcome;
import org.openemg.rar.api.SubmitRequest;
import org.openemg.rar.api.SubmitResult;
import org.openemg.rar.smpp.client.SmppClientConnector;

/** The running outgoing SMPP connectors of this adapter, by connector name. */
final class OutgoingConnectors {

    private static final Logger LOG = Logger.getLogger(OutgoingConnectors.class.getName());
    private final ConcurrentHashMap<String, Running> running = new ConcurrentHashMap<>();
    private final ListenerEndpoint listener;

    private record Running(OutgoingSmppSettings settings, SmppClientConnector client) {
    }

    OutgoingConnectors(ListenerEndpoint listener) {
        this.listener = listener;
    }

    synchronized void open(OutgoingSmppSettings settings) {
        Running current = running.get(settings.connector());
        if (current != null) {
            if (current.settings().equals(settings)) {
                return;
            }
            current.client().stop();
        }
        SmppClientConnector client = new SmppClientConnector(settings, listener::submitResults, listener::deliver,
                threadsFor(settings.connector()));
        running.put(settings.connector(), new Running(settings, client));
        client.start();
        LOG.info("outgoing SMPP connector " + settings);
    }

    synchronized void shutdown(String connector) {
        Running current = running.remove(connector);
        if (current != null) {
            current.client().stop();
        }
    }

    synchronized void shutdownAll() {
        running.keySet().forEach(this::shutdown);
    }

    void submit(String connector, List<SubmitRequest> batch) {
        Running current = running.get(connector);
        if (current == null) {
            listener.submitResults(connector, batch.stream()
                    .map(r -> new SubmitResult(r.messageId(), SubmitOutcome.LINK_LOST, 0, null)).toList());
            return;
        }
        current.client().submit(batch);
    }

    int boundCount(String connector) {
        Running current = running.get(connector);
        return current == null ? 0 : current.client().submittingCount();
    }

    private static ThreadFactory threadsFor(String connector) {
        AtomicInteger count = new AtomicInteger();
        return task -> {
            Thread thread = new Thread(task, "emg-smpp-" + connector + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
