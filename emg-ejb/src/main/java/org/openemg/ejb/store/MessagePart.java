package org.openemg.ejb.store;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import org.openemg.core.account.Account;
import org.openemg.core.message.MessageState;

/**
 * A row of the message table, which is the queue and the message log at once (ARCHITECTURE.md): one
 * per message part. The options live in one column; only what queries need is a column of its own.
 * The schema itself comes from the migration scripts (db/migration), not from this mapping.
 */
@Entity
@Table(name = "emg_message")
class MessagePart {

    @Id
    private long id;
    @Column(name = "parent_id", nullable = false)
    private long parentId;
    /** How many parts the message has, from parentId on; null on parts stored before it was recorded (at most MAX_PARTS). */
    @Column(name = "part_count")
    private Short partCount;
    @Convert(converter = MessageStateCode.class)
    @Column(nullable = false)
    private MessageState state;
    @Column(name = "in_connector", length = 64, nullable = false)
    private String inConnector;
    @Column(name = "out_connector", length = 64)
    private String outConnector;
    @Column(nullable = false)
    private short priority;
    @Column(name = "due_at", nullable = false)
    private long dueAt;
    /** VP as a point in time: a part still queued after it is EXPIRED instead of sent. */
    @Column(name = "expires_at")
    private Long expiresAt;
    @Column(name = "lease_until")
    private Long leaseUntil;
    @Column(nullable = false)
    private int attempts;
    @Column(name = "destaddr", length = 32)
    private String destAddr;
    @Column(length = 64)
    private String username;
    @Column(name = "smsc_id", length = 80)
    private String smscId;
    @Column(name = "created_at", nullable = false)
    private long createdAt;
    @Column(name = "updated_at", nullable = false)
    private long updatedAt;
    @Column(length = 1_000_000, nullable = false)
    private String options;
    /** The part's last delivery report, for /bin/status: the MESSAGESTATE it reported, when, the SMSC's error. */
    @Column(name = "report_state", length = 16)
    private String reportState;
    @Column(name = "report_at")
    private Long reportAt;
    @Column(name = "report_error", length = 16)
    private String reportError;
    /** What the part cost its user's account; null when free or refunded. */
    @Column(precision = 19, scale = Account.SCALE)
    private BigDecimal charge;
    /** The other connectors that may send this part when its own cannot (RoutePartners). */
    @Column(length = 512)
    private String partners;

    protected MessagePart() {
    }
}
