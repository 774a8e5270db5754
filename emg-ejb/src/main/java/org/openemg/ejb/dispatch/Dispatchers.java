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
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Logger;
import org.openemg.ejb.outlet.Outlet;
import org.openemg.ejb.outlet.Outlets;

/** Runs one dispatcher per outlet. Woken after commits, not by polling. */
@Singleton
@Startup
@DependsOn({"RunningConfiguration", "DatabaseSchema", "Outlets"})
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class Dispatchers {

    private static final Logger LOG = Logger.getLogger(Dispatchers.class.getName());
    private static final int BATCH = 500;

    @EJB
    private Outlets outlets;
    @EJB
    private DispatchWork work;
    @Resource
    private ManagedThreadFactory threads;

    private final Map<String, DispatchLoop> loops = new ConcurrentHashMap<>();
    private final Map<String, Thread> runners = new ConcurrentHashMap<>();

    @PostConstruct
    void start() {
        int recovered = work.requeueAllInflight();
        if (recovered > 0) {
            LOG.warning(recovered + " message parts were in flight when the gateway stopped; they are queued again"
                    + " (an SMSC may see those submitted before the stop twice)");
        }
        outlets.all().forEach(this::startLoop);
    }

    private void startLoop(String connector, Outlet outlet) {
        work.prepareReceiptTurn(connector);
        DispatchLoop loop = new DispatchLoop(connector, outlet, work, outlet.capacity(), BATCH);
        loops.put(connector, loop);
        Thread thread = threads.newThread(loop);
        thread.setName("emg-dispatch-" + connector);
        runners.put(connector, thread);
        thread.start();
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

    public void wake(Iterable<String> connectors) {
        for (String name : connectors) {
            DispatchLoop loop = loops.get(name);
            if (loop != null) {
                loop.wake();
            }
        }
    }

    public void settled(String connector, int count) {
        DispatchLoop loop = loops.get(connector);
        if (loop != null) {
            loop.settled(count);
        }
    }

    @Schedule(second = "*/30", minute = "*", hour = "*", persistent = false)
    void requeueExpiredLeases() {
        int requeued = work.requeueExpiredLeases();
        if (requeued > 0) {
            LOG.warning(requeued + " message parts had no result within their lease; queued again"
                    + " (an SMSC may see them twice)");
            wake(loops.keySet());
        }
        int expired = work.expireOverdue();
        if (expired > 0) {
            LOG.fine(() -> expired + " queued message parts outlived their VP; EXPIRED");
        }
        int purged = work.purgeStaleEarlyReceipts();
        if (purged > 0) {
            LOG.warning(purged + " receipts matched no submitted message within an hour; dropped");
        }
    }
}
