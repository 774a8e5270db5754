package org.openemg.ejb.store;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.UniqueConstraint;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/**
 * The message one address of a WAP push became: the push is known by its incoming connector, its owner
 * (the logged-in user, empty on a connector without USERS) and its push-id.
 */
@Entity
@Table(name = "emg_push_message", uniqueConstraints = @UniqueConstraint(name = "emg_push_message_address",
        columnNames = {"in_connector", "owner", "push_id", "address_index"}))
public class PushedMessage {

    @Id
    @Column(name = "message_id")
    private long messageId;
    @Column(name = "in_connector", length = 64, nullable = false)
    private String inConnector;
    @Column(length = 64, nullable = false)
    private String owner;
    @Column(name = "push_id", length = 255, nullable = false)
    private String pushId;
    @Column(name = "address_index", nullable = false)
    private int addressIndex;
    @Column(name = "address_value", length = 255, nullable = false)
    private String addressValue;
    @Column(name = "received_at", nullable = false)
    private long receivedAt;

    protected PushedMessage() {
    }

    public PushedMessage(long messageId, String inConnector, String owner, String pushId, int addressIndex,
                         String addressValue, long receivedAt) {
        this.messageId = messageId;
        this.inConnector = inConnector;
        this.owner = owner;
        this.pushId = pushId;
        this.addressIndex = addressIndex;
        this.addressValue = addressValue;
        this.receivedAt = receivedAt;
    }

    /** The parameters of {@link PushRows#record}'s INSERT, in its column order. */
    void bind(PreparedStatement ps) throws SQLException {
        ps.setLong(1, messageId);
        ps.setString(2, inConnector);
        ps.setString(3, owner);
        ps.setString(4, pushId);
        ps.setInt(5, addressIndex);
        ps.setString(6, addressValue);
        ps.setLong(7, receivedAt);
    }
}
