package org.openemg.rar.smpp.link;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;

/**
 * Writes PDUs to one connection, from any thread, with one flush per batch. Every write is timed: a peer
 * that stops reading blocks the writer, and only a thread apart from it (the watchdog) can notice.
 */
final class FrameWriter {

    private static final byte[][] NO_PDUS = new byte[0][];

    private final OutputStream out;
    private volatile boolean writing;
    private volatile long writeStartedNanos;

    FrameWriter(OutputStream out) {
        this.out = new BufferedOutputStream(out, 64 * 1024);
    }

    void write(byte[] pdu, boolean flush) throws IOException {
        write(new byte[][] {pdu}, 1, flush);
    }

    synchronized void write(byte[][] pdus, int count, boolean flush) throws IOException {
        writeStartedNanos = System.nanoTime();
        writing = true;
        try {
            for (int i = 0; i < count; i++) {
                out.write(pdus[i]);
            }
            if (flush) {
                out.flush();
            }
        } finally {
            writing = false;
        }
    }

    void flush() throws IOException {
        write(NO_PDUS, 0, true);
    }

    /** How long the write under way at {@code nowNanos} has been going, 0 when none is. */
    long stalledNanos(long nowNanos) {
        // read the flag first: the start time it guards is written before it
        if (!writing) {
            return 0;
        }
        return nowNanos - writeStartedNanos;
    }
}
