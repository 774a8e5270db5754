package org.openemg.ejb.retention;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.util.List;
import org.openemg.ejb.store.MessageLogPurge;
import org.openemg.ejb.store.PurgeStep;

/** Each purge step in a transaction of its own, so the traffic waits for no more than one step's locks. */
@Stateless
public class RetentionWork {

    @Inject
    private MessageLogPurge purge;

    public List<Integer> nodes() {
        return purge.nodes();
    }

    public PurgeStep step(long fromId, long untilId, long before, int limit) {
        return purge.step(fromId, untilId, before, limit);
    }
}
