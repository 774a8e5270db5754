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

    private final SmppClientConnector connector;
    private final String name;
    private volatile SmppSession session;

    SmscBind(SmppClientConnector connector, int index) {
        this.connector = connector;
        this.name = connector.settings().connector() + "#" + index;
    }

    @Override
    public void run() {
        ClientTimings timings = connector.timings();
        Backoff backoff = new Backoff(timings.firstBackoff().toNanos(), timings.maxBackoff().toNanos());
        boolean failing = false;
        while (!connector.isStopping() && !Thread.currentThread().isInterrupted()) {
            SmppSession current = new SmppSession(connector);
            session = current;
            if (connector.isStopping()) {
                return;
            }
            try {
                current.open();
                LOG.info(() -> "SMPP bind " + name + " bound to " + connector.settings().host() + ":"
                        + connector.settings().port() + " as " + connector.settings().mode()
                        + " system_id " + connector.settings().systemId());
                backoff.reset();
                failing = false;
                current.serve();
                if (connector.isStopping()) {
                    current.unbind();
                    LOG.info(() -> "SMPP bind " + name + " unbound");
                    return;
                }
                LOG.warning(() -> "SMPP bind " + name + " lost: " + current.lossReason());
            } catch (IOException | RuntimeException e) {
                current.lose("bind failed: " + e);
                if (connector.isStopping()) {
                    return;
                }
                // a dead SMSC would otherwise log a warning every 30 s
                LOG.log(failing ? Level.FINE : Level.WARNING, () -> "SMPP bind " + name + " to "
                        + connector.settings().host() + ":" + connector.settings().port() + " failed: " + e
                        + "; retrying with back-off");
                failing = true;
            }
            connector.pause(backoff.next());
        }
    }

    /** Closes the link at once, for a stop that cannot wait any longer (a write may be blocked). */
    void abort() {
        SmppSession current = session;
        if (current != null) {
            current.lose("stop timed out");
        }
    }

    /** The watchdog's periodic look at the current session (see {@link SmppSession#watch}). */
    void watch(long now) {
        SmppSession current = session;
        if (current != null) {
            current.watch(now);
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
