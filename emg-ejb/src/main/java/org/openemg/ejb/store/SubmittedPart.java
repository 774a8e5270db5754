package org.openemg.ejb.store;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.SQLUpdate;
import org.hibernate.jdbc.Expectation;

/**
 * What a submit_sm_resp changes in a message row: a narrow view of {@link MessagePart}, so that a group
 * of results is one batched UPDATE per row without reading the rows first. The state guard keeps a part
 * that moved on (delivered by an early receipt, failed) from going back to SUBMITTED; QUEUED is allowed
 * because an answer that comes after the lease ran out still spares the message a second send. The
 * parameters are bound in Hibernate's order, attributes by name (smscId, updatedAt), then the id; the
 * state codes are MessageState's: SUBMITTED 2, INFLIGHT 1, QUEUED 0.
 */
@Entity
@Table(name = "emg_message")
@SQLUpdate(sql = "UPDATE emg_message SET smsc_id = ?, updated_at = ?, state = 2, lease_until = NULL"
        + " WHERE id = ? AND state IN (1, 0)", verify = Expectation.None.class)
class SubmittedPart {

    @Id
    private long id;
    @Column(name = "smsc_id", length = 80)
    private String smscId;
    @Column(name = "updated_at", nullable = false)
    private long updatedAt;

    protected SubmittedPart() {
    }

    SubmittedPart(long id, String smscId, long updatedAt) {
        this.id = id;
        this.smscId = smscId;
        this.updatedAt = updatedAt;
    }
}
