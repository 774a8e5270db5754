package org.openemg.ejb.dispatch;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.openemg.ejb.store.ClaimedPart;

/**
 * The running dispatchers by connector, and what accepting and recording ask of them: room for parts about to be
 * committed, the hand-over after the commit, wake-ups, settled results. Memory only, so a CDI bean: through the
 * singleton {@link Dispatchers} each of these calls, several per accepted request, went through the EJB
 * interceptors (bench/RESULTS.md). {@link Dispatchers} starts and stops the loops.
 */
@ApplicationScoped
public class DispatchLoops {

    private final Map<String, DispatchLoop> loops = new ConcurrentHashMap<>();
    private final Map<String, SendRate> rates = new ConcurrentHashMap<>();

    void add(String connector, DispatchLoop loop) {
        loops.put(connector, loop);
    }

    DispatchLoop remove(String connector) {
        return loops.remove(connector);
    }

    List<String> connectors() {
        return List.copyOf(loops.keySet());
    }

    /** Whether a dispatcher sends for the connector. */
    public boolean dispatches(String connector) {
        return loops.containsKey(connector);
    }

    /** Results recorded per second for the connector over the last minute. */
    public double sentPerSecond(String connector) {
        SendRate rate = rates.get(connector);
        return rate == null ? 0 : rate.perSecond(System.currentTimeMillis());
    }

    public void wake(Iterable<String> connectors) {
        for (String name : connectors) {
            DispatchLoop loop = loops.get(name);
            if (loop != null) {
                loop.wake();
            }
        }
    }

    /** Whether the connector's dispatcher can send now: its outlet is ready (a bind is up) and it is not held. */
    public boolean sendsNow(String connector) {
        DispatchLoop loop = loops.get(connector);
        return loop != null && loop.sendsNow();
    }

    /**
     * Room in the connector's dispatcher for {@code parts} parts about to be committed INFLIGHT and then
     * {@linkplain #handOver handed over}; false when they should be queued in the table instead.
     */
    public boolean reserve(String connector, int parts) {
        DispatchLoop loop = loops.get(connector);
        return loop != null && loop.reserve(parts);
    }

    /** The commit of reserved parts failed. */
    public void release(String connector, int parts) {
        DispatchLoop loop = loops.get(connector);
        if (loop != null) {
            loop.release(parts);
        }
    }

    /** Reserved parts, committed INFLIGHT under a lease of {@link Dispatchers#LEASE_MS}: sent from memory, not claimed. */
    public void handOver(String connector, List<ClaimedPart> parts) {
        DispatchLoop loop = loops.get(connector);
        if (loop != null) {
            loop.handOver(parts);
        }
    }

    public void settled(String connector, int count, boolean requeued) {
        rates.computeIfAbsent(connector, c -> new SendRate()).add(count, System.currentTimeMillis());
        DispatchLoop loop = loops.get(connector);
        if (loop != null) {
            loop.settled(count, requeued);
        }
    }
}
