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
import org.openemg.ejb.store.RequeuedPart;

/** Starts and stops one dispatcher per outlet ({@link DispatchLoops}), and looks after leases and expiry on a schedule. */
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

    @Inject
    private DispatchLoops loops;
    private final Map<String, Thread> runners = new ConcurrentHashMap<>();
    private final DispatchPeers peers = new DispatchPeers() {
        @Override
        public boolean held(String connector) {
            return holds.isHeld(connector);
        }

        @Override
        public boolean sendsNow(String connector) {
            return loops.sendsNow(connector);
        }

        @Override
        public void wake(String connector) {
            loops.wake(List.of(connector));
        }
    };

    @PostConstruct
    void start() {
        List<RequeuedPart> recovered = work.requeueOwnInflight(outlets.all().keySet());
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
        loops.add(connector, loop);
        Thread thread = threads.newThread(loop);
        thread.setName("emg-dispatch-" + connector);
        runners.put(connector, thread);
        thread.start();
    }

    /** Starts the dispatcher of a connector whose outlet was opened after deployment (a reload). */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public void start(String connector) {
        Outlet outlet = outlets.all().get(connector);
        if (outlet != null && !loops.dispatches(connector)) {
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

    /** Each dispatcher stops before its outlet closes, so the outlet's last results are still recorded. */
    @PreDestroy
    void stop() {
        for (String name : loops.connectors()) {
            stop(name);
        }
    }

    @Schedule(second = "*/30", minute = "*", hour = "*", persistent = false)
    void requeueExpiredLeases() {
        List<RequeuedPart> requeued = work.requeueExpiredLeases(loops.connectors());
        if (!requeued.isEmpty()) {
            LOG.warning(requeued.size() + " message parts had no result within their lease; queued again");
            requeued.forEach(part -> LOG.warning(part.mayBeSentTwice()));
            loops.wake(loops.connectors());
        }
        int expired = work.expireOverdue(loops.connectors());
        if (expired > 0) {
            LOG.fine(() -> expired + " queued message parts outlived their VP; EXPIRED");
        }
        work.recountQueues(loops.connectors());
        int purged = work.purgeStaleEarlyReceipts();
        if (purged > 0) {
            LOG.warning(purged + " receipts matched no submitted message within an hour; dropped");
        }
    }
}
