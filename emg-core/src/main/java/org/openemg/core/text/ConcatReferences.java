package org.openemg.core.text;

import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicIntegerArray;

/**
 * Concatenation references, rotating per destination so that consecutive long messages to one
 * phone never share a reference. Destinations share a fixed number of counters by hash: memory
 * stays bounded, and a shared counter only makes references advance faster. Thread-safe.
 */
public final class ConcatReferences {

    private static final int SLOTS = 4096;

    private final AtomicIntegerArray counters = new AtomicIntegerArray(SLOTS);

    /** Starts at a random reference, so a restart does not hand out the references of messages still in flight. */
    public ConcatReferences() {
        this(ThreadLocalRandom.current().nextInt(0x10000));
    }

    /** The first reference every destination gets is {@code first} (modulo 256 for 8-bit references). */
    public ConcatReferences(int first) {
        for (int i = 0; i < SLOTS; i++) {
            counters.set(i, first - 1);
        }
    }

    public int next(String destination, boolean sixteenBit) {
        int h = destination == null ? 0 : destination.hashCode();
        int value = counters.incrementAndGet((h ^ h >>> 16) & (SLOTS - 1));
        return sixteenBit ? value & 0xFFFF : value & 0xFF;
    }
}
