package org.openemg.ejb.dispatch;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.DependsOn;
import jakarta.ejb.EJB;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Logger;
import org.openemg.ejb.outlet.Outlet;
import org.openemg.ejb.outlet.Outlets;
import org.openemg.ejb.store.ClaimedPart;
import org.openemg.ejb.store.RequeuedPart;

/** Runs one dispatcher per outlet. Woken after commits, not by polling. */
@Singleton
@Startup
@DependsOn({"RunningConfiguration", "DatabaseSchema", "Outlets"})
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class Dispatchers {

    private static final Logger LOG = Logger.getLogger(Dispatchers.class.getName());
    private static final int BATCH = 500;
    /** Longer than a full window can wait in the adapter (4 windows x the 60 s response timeout). */
    public static final long LEASE_MS = 600_000;

    @EJB
    private Outlets outlets;
    @EJB
    private DispatchWork work;
    @Inject
    private ConnectorHolds holds;
    @Resource
    private ManagedThreadFactory threads;

    private final Map<String, DispatchLoop> loops = new ConcurrentHashMap<>();
    private final Map<String, Thread> runners = new ConcurrentHashMap<>();
    private final DispatchPeers peers = new DispatchPeers() {
        @Override
        public boolean held(String connector) {
            return holds.isHeld(connector);
        }

        @Override
        public boolean sendsNow(String connector) {
            return Dispatchers.this.sendsNow(connector);
        }

        @Override
        public void wake(String connector) {
            Dispatchers.this.wake(List.of(connector));
        }
    };
    private final Map<String, SendRate> rates = new ConcurrentHashMap<>();

    @PostConstruct
    void start() {
        List<RequeuedPart> recovered = work.requeueAllInflight(outlets.all().keySet());
        if (!recovered.isEmpty()) {
            LOG.warning(recovered.size() + " message parts were in flight when the gateway stopped; they are queued again");
            recovered.forEach(part -> LOG.warning(part.mayBeSentTwice()));
        }
        work.recountQueues(outlets.all().keySet());
        outlets.all().forEach(this::startLoop);
    }

    private void startLoop(String connector, Outlet outlet) {
        work.prepareReceiptTurn(connector);
        DispatchLoop loop = new DispatchLoop(connector, outlet, work, peers, outlet.capacity(), BATCH);
        loops.put(connector, loop);
        Thread thread = threads.newThread(loop);
        thread.setName("emg-dispatch-" + connector);
        runners.put(connector, thread);
        thread.start();
    }

    /** Starts the dispatcher of a connector whose outlet was opened after deployment (a reload). */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public void start(String connector) {
        Outlet outlet = outlets.all().get(connector);
        if (outlet != null && !loops.containsKey(connector)) {
            startLoop(connector, outlet);
        }
    }

    /**
     * Stops the connector's dispatcher and closes its outlet: what it held in memory goes back to the
     * table, what the adapter had unanswered comes back as results, so nothing is left in flight.
     */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public void stop(String connector) {
        DispatchLoop loop = loops.remove(connector);
        Thread runner = runners.remove(connector);
        if (loop != null) {
            loop.stop(runner);
        }
        outlets.close(connector);
    }

    /** Whether a dispatcher sends for the connector. */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public boolean dispatches(String connector) {
        return loops.containsKey(connector);
    }

    /** Results recorded per second for the connector over the last minute. */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public double sentPerSecond(String connector) {
        SendRate rate = rates.get(connector);
        return rate == null ? 0 : rate.perSecond(System.currentTimeMillis());
    }

    /** Each dispatcher stops before its outlet closes, so the outlet's last results are still recorded. */
    @PreDestroy
    void stop() {
        loops.forEach((name, loop) -> {
            loop.stop(runners.get(name));
            outlets.close(name);
        });
        loops.clear();
        runners.clear();
    }

    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public void wake(Iterable<String> connectors) {
        for (String name : connectors) {
            DispatchLoop loop = loops.get(name);
            if (loop != null) {
                loop.wake();
            }
        }
    }

    /** Whether the connector's dispatcher can send now: its outlet is ready (a bind is up) and it is not held. */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public boolean sendsNow(String connector) {
        DispatchLoop loop = loops.get(connector);
        return loop != null && loop.sendsNow();
    }

    /**
     * Room in the connector's dispatcher for {@code parts} parts about to be committed INFLIGHT and then
     * {@linkplain #handOver handed over}; false when they should be queued in the table instead.
     */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public boolean reserve(String connector, int parts) {
        DispatchLoop loop = loops.get(connector);
        return loop != null && loop.reserve(parts);
    }

    /** The commit of reserved parts failed. */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public void release(String connector, int parts) {
        DispatchLoop loop = loops.get(connector);
        if (loop != null) {
            loop.release(parts);
        }
    }

    /** Reserved parts, committed INFLIGHT under a lease of {@link #LEASE_MS}: sent from memory, not claimed. */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public void handOver(String connector, List<ClaimedPart> parts) {
        DispatchLoop loop = loops.get(connector);
        if (loop != null) {
            loop.handOver(parts);
        }
    }

    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public void settled(String connector, int count, boolean requeued) {
        rates.computeIfAbsent(connector, c -> new SendRate()).add(count, System.currentTimeMillis());
        DispatchLoop loop = loops.get(connector);
        if (loop != null) {
            loop.settled(count, requeued);
        }
    }

    @Schedule(second = "*/30", minute = "*", hour = "*", persistent = false)
    void requeueExpiredLeases() {
        List<RequeuedPart> requeued = work.requeueExpiredLeases(List.copyOf(loops.keySet()));
        if (!requeued.isEmpty()) {
            LOG.warning(requeued.size() + " message parts had no result within their lease; queued again");
            requeued.forEach(part -> LOG.warning(part.mayBeSentTwice()));
            wake(loops.keySet());
        }
        int expired = work.expireOverdue(List.copyOf(loops.keySet()));
        if (expired > 0) {
            LOG.fine(() -> expired + " queued message parts outlived their VP; EXPIRED");
        }
        work.recountQueues(List.copyOf(loops.keySet()));
        int purged = work.purgeStaleEarlyReceipts();
        if (purged > 0) {
            LOG.warning(purged + " receipts matched no submitted message within an hour; dropped");
        }
    }
}
