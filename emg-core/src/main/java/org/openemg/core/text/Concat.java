package org.openemg.core.text;

/**
 * Where one part sits in a concatenated message: reference, sequence number (1-based) and total,
 * as CONCATSMSREF/SEQ/MAX, the concatenation IEs and the SAR TLVs carry them.
 */
public record Concat(int ref, int seq, int max) {

    public Concat {
        if (ref < 0 || ref > 0xFFFF || max < 1 || max > 255 || seq < 1 || seq > max) {
            throw new IllegalArgumentException("bad concatenation ref=" + ref + " seq=" + seq + " max=" + max);
        }
    }
}
