package org.openemg.ejb.store;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A message whose DLR was issued, so that no second one is. */
@Entity
@Table(name = "emg_reported_message")
class ReportedMessage {

    @Id
    @Column(name = "message_id")
    private long messageId;

    @Column(name = "reported_at", nullable = false)
    private long reportedAt;

    /** The DLR message issued; null when it had no way back. */
    @Column(name = "dlr_id")
    private Long dlrId;

    protected ReportedMessage() {
    }
}
