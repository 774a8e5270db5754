package org.openemg.ejb.store;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.util.Objects;

/**
 * What a receipt is matched by: the SMSC's id of a submitted part on its outgoing connector. Written when the
 * submit_sm_resp is recorded, removed with the part.
 */
@Entity
@Table(name = "emg_receipt_key")
@IdClass(ReceiptKey.Key.class)
class ReceiptKey {

    @Id
    @Column(name = "out_connector", length = 64)
    private String outConnector;
    @Id
    @Column(name = "smsc_id", length = 80)
    private String smscId;
    @Id
    @Column(name = "message_id")
    private long messageId;

    protected ReceiptKey() {
    }

    static class Key implements Serializable {

        private String outConnector;
        private String smscId;
        private long messageId;

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(outConnector, k.outConnector) && Objects.equals(smscId, k.smscId)
                    && messageId == k.messageId;
        }

        @Override
        public int hashCode() {
            return Objects.hash(outConnector, smscId, messageId);
        }
    }
}
