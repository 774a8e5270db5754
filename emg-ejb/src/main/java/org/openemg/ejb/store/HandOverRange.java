package org.openemg.ejb.store;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * The ids of parts inserted INFLIGHT and handed to their dispatcher in memory, first to last, under their lease: how
 * they are found again should their node stop before they settle ({@link HandOvers}).
 */
@Entity
@Table(name = "emg_hand_over")
class HandOverRange {

    @Id
    @Column(name = "first_id")
    private long firstId;
    @Column(name = "last_id", nullable = false)
    private long lastId;
    @Column(name = "lease_until", nullable = false)
    private long leaseUntil;

    protected HandOverRange() {
    }
}
