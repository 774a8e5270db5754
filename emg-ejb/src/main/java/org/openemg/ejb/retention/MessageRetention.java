package org.openemg.ejb.retention;

import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.EJB;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import java.time.Duration;
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
                    step = work.step(from, until, before, ROWS_PER_STEP);
                    purged += step.deleted();
                    from = step.nextId();
                } while (!step.done());
            }
            if (purged > 0) {
                LOG.info(purged + " message parts done with for longer than RETENTION (" + keep + ") purged");
            }
        } finally {
            purging.set(false);
        }
    }
}
