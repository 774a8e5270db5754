package org.openemg.ejb.store;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.util.Objects;
import org.openemg.core.message.MessageState;

/** A receipt that arrived before the submit_sm_resp it belongs to was recorded; applied when it is. */
@Entity
@Table(name = "emg_early_receipt")
@IdClass(EarlyReceipt.Key.class)
class EarlyReceipt {

    @Id
    @Column(name = "out_connector", length = 64)
    private String outConnector;
    @Id
    @Column(name = "smsc_id", length = 80)
    private String smscId;
    @Convert(converter = MessageStateCode.class)
    @Column(nullable = false)
    private MessageState state;
    @Column(name = "received_at", nullable = false)
    private long receivedAt;
    @Column(name = "report_state", length = 16)
    private String reportState;
    @Column(name = "report_error", length = 16)
    private String reportError;

    protected EarlyReceipt() {
    }

    EarlyReceipt(String outConnector, String smscId, PartReport report) {
        this.outConnector = outConnector;
        this.smscId = smscId;
        this.state = report.state();
        this.receivedAt = report.at();
        this.reportState = report.messageState();
        this.reportError = report.error();
    }

    /** The SMSC's message id on an outgoing connector. */
    static class Key implements Serializable {

        private String outConnector;
        private String smscId;

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(outConnector, k.outConnector) && Objects.equals(smscId, k.smscId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(outConnector, smscId);
        }
    }
}
