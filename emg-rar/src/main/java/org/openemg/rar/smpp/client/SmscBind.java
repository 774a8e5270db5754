package org.openemg.rar.smpp.client;

import java.io.IOException;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * One of a connector's INSTANCES binds: connects, serves the session until it is lost, and
 * reconnects with back-off, on its own thread, until the connector stops.
 */
final class SmscBind implements Runnable {

    private static final Logger LOG = Logger.getLogger(SmscBind.class.getName());

    private final ConnectorParts parts;
    private final String name;
    private volatile SmppSession session;

    SmscBind(ConnectorParts parts, int index) {
        this.parts = parts;
        this.name = parts.settings().connector() + "#" + index;
    }

    @Override
    public void run() {
        OutgoingSmppSettings settings = parts.settings();
        ClientTimings timings = parts.timings();
        Backoff backoff = new Backoff(timings.firstBackoff().toNanos(), timings.maxBackoff().toNanos());
        boolean failing = false;
        try {
            while (!parts.stop().isGiven() && !Thread.currentThread().isInterrupted()) {
                SmppSession current = new SmppSession(parts, name);
                session = current;
                if (parts.stop().isGiven()) {
                    return;
                }
                try {
                    current.open();
                    LOG.info(() -> "SMPP bind " + name + " bound to " + settings.host() + ":" + settings.port()
                            + " as " + settings.mode() + " system_id " + settings.systemId());
                    backoff.reset();
                    failing = false;
                    current.serve();
                    if (parts.stop().isGiven()) {
                        current.unbind();
                        LOG.info(() -> "SMPP bind " + name + " unbound");
                        return;
                    }
                    LOG.warning(() -> "SMPP bind " + name + " lost: " + current.lossReason());
                } catch (IOException | RuntimeException e) {
                    current.lose("bind failed: " + e);
                    if (parts.stop().isGiven()) {
                        return;
                    }
                    // a dead SMSC would otherwise log a warning every 30 s
                    LOG.log(failing ? Level.FINE : Level.WARNING, () -> "SMPP bind " + name + " to "
                            + settings.host() + ":" + settings.port() + " failed: " + e + "; retrying with back-off");
                    failing = true;
                }
                parts.stop().sleep(backoff.next());
            }
        } catch (InterruptedException e) {
            session.lose("interrupted");
            Thread.currentThread().interrupt();
        }
    }

    /** Submits of its current connection not answered yet. */
    int windowInUse() {
        SmppSession current = session;
        return current == null ? 0 : current.windowInUse();
    }

    /** Closes the link at once, for a stop that cannot wait any longer (a write may be blocked). */
    void abort() {
        SmppSession current = session;
        if (current != null) {
            current.lose("stop timed out");
        }
    }

    /** Makes the bind notice a stop: ends a connect in progress and wakes its sender loop. */
    void wakeUp() {
        SmppSession current = session;
        if (current != null) {
            current.wakeUp();
        }
    }
}
