package org.openemg.ejb.store;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Accepted messages of requests that arrive together share one commit ({@link GroupCommit}): under
 * load a commit, not a message, is what the database pays for most (bench/RESULTS.md).
 */
@ApplicationScoped
public class QueueCommits {

    @EJB
    private QueuedBatches batches;

    private GroupCommit<QueuedBatch> group;

    @PostConstruct
    void start() {
        group = new GroupCommit<>(batches::commit);
    }

    /** Returns once the batch is committed; throws a {@link StoreException} (or what the insert threw) when it was not. */
    public void commit(QueuedBatch batch) {
        group.commit(batch);
    }
}
