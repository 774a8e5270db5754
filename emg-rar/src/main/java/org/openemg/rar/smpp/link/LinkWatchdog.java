package org.openemg.rar.smpp.link;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Looks at each link it watches once a tick ({@link SmppLink#watch}) until stopped, on a thread of its
 * own: the links' own threads may be the ones blocked. A lost link is dropped at the next tick.
 */
public final class LinkWatchdog implements Runnable {

    private static final Logger LOG = Logger.getLogger(LinkWatchdog.class.getName());

    private final long tickNanos;
    private final Set<SmppLink<?>> links = ConcurrentHashMap.newKeySet();
    private final CountDownLatch stopped = new CountDownLatch(1);

    public LinkWatchdog(Duration tick) {
        this.tickNanos = tick.toNanos();
    }

    public void watch(SmppLink<?> link) {
        links.add(link);
    }

    public void stop() {
        stopped.countDown();
    }

    @Override
    public void run() {
        try {
            while (!stopped.await(tickNanos, TimeUnit.NANOSECONDS)) {
                long now = System.nanoTime();
                for (SmppLink<?> link : links) {
                    if (link.isLost()) {
                        links.remove(link);
                        continue;
                    }
                    try {
                        link.watch(now);
                    } catch (RuntimeException e) {
                        LOG.log(Level.SEVERE, "SMPP watchdog failed on link " + link.name(), e);
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
