package org.openemg.ejb.store;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.Table;
import org.openemg.core.message.MessageState;

/**
 * A part waiting in the queue (QUEUED) or claimed from it (INFLIGHT): what a claim reads, beside its row in the
 * message table. Parts handed to their dispatcher in memory have none ({@link HandOverRange}).
 */
@Entity
@Table(name = "emg_queue", indexes = {
        // the claim's ORDER BY, so that FETCH FIRST n reads n rows, not the whole queue
        @Index(name = "emg_queue_due", columnList = "out_connector, queue_state, priority DESC, due_at, id")})
class QueueEntry {

    @Id
    private long id;
    @Column(name = "out_connector", length = 64)
    private String outConnector;
    @Convert(converter = MessageStateCode.class)
    @Column(name = "queue_state", nullable = false)
    private MessageState queueState;
    @Column(nullable = false)
    private short priority;
    @Column(name = "due_at", nullable = false)
    private long dueAt;
    /** The node whose claim made the part INFLIGHT; null while QUEUED, and for claims older than the column. */
    @Column(name = "claimed_by")
    private Integer claimedBy;

    protected QueueEntry() {
    }
}
