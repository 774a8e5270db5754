package org.openemg.ejb.retention;

import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.EJB;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Logger;
import org.openemg.core.id.MessageIds;
import org.openemg.ejb.config.RunningConfiguration;
import org.openemg.ejb.store.PurgeStep;

/**
 * RETENTION: every few minutes, messages done with for longer than the period leave the message log, in
 * short steps while the traffic goes on. Without RETENTION (or 0) nothing is purged.
 */
@Singleton
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class MessageRetention {

    private static final Logger LOG = Logger.getLogger(MessageRetention.class.getName());
    private static final int ROWS_PER_STEP = 500;
    private static final long MAX_REST_NANOS = TimeUnit.SECONDS.toNanos(1);

    @EJB
    private RunningConfiguration configuration;
    @EJB
    private RetentionWork work;

    private final AtomicBoolean purging = new AtomicBoolean();

    @Schedule(minute = "*/5", hour = "*", persistent = false)
    void purgeOldMessages() {
        Duration keep = configuration.current().retention();
        if (keep.isZero() || !purging.compareAndSet(false, true)) {
            return;
        }
        try {
            long before = System.currentTimeMillis() - keep.toMillis();
            int purged = 0;
            for (int node : work.nodes()) {
                long from = MessageIds.compose(node, 0);
                long until = from + MessageIds.SEQUENCES_PER_NODE;
                PurgeStep step;
                do {
                    long stepStart = System.nanoTime();
                    step = work.step(from, until, before, ROWS_PER_STEP);
                    purged += step.deleted();
                    from = step.nextId();
                    yieldToTraffic(System.nanoTime() - stepStart);
                } while (!step.done());
            }
            if (purged > 0) {
                LOG.info(purged + " message parts done with for longer than RETENTION (" + keep + ") purged");
            }
        } finally {
            purging.set(false);
        }
    }

    /**
     * Rests as long as a step took, so that the purge takes at most half of the database's commits while traffic goes
     * on: back to back, 510,300 parts in 27.6 s doubled the CPU per delivered message of a soak at 7,000 msg/s and
     * its p99 per request went from 26 to 98 ms (bench/RESULTS.md).
     */
    private static void yieldToTraffic(long stepNanos) {
        try {
            TimeUnit.NANOSECONDS.sleep(Math.min(stepNanos, MAX_REST_NANOS));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
