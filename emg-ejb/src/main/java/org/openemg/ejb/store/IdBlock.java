package org.openemg.ejb.store;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** The persisted high-water mark of a node's message ids: the first sequence number not handed out yet. */
@Entity
@Table(name = "emg_id_block")
class IdBlock {

    @Id
    @Column(name = "node_id")
    private int nodeId;
    @Column(name = "next_seq", nullable = false)
    private long nextSeq;

    protected IdBlock() {
    }

    IdBlock(int nodeId, long nextSeq) {
        this.nodeId = nodeId;
        this.nextSeq = nextSeq;
    }

    /** Hands out {@code size} sequence numbers and returns the first. */
    long reserve(int size) {
        long first = nextSeq;
        nextSeq += size;
        return first;
    }
}
