package org.openemg.rar.smpp.link;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class FrameWriterTest {

    /** Counts what reaches the socket: writes and flushes. */
    private static final class Wire extends OutputStream {
        final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        int writes;
        int flushes;

        @Override
        public void write(int b) {
            writes++;
            bytes.write(b);
        }

        @Override
        public void write(byte[] b, int off, int len) {
            writes++;
            bytes.write(b, off, len);
        }

        @Override
        public void flush() {
            flushes++;
        }
    }

    @Test
    void aBatchGoesOutWithOneFlush() throws IOException {
        Wire wire = new Wire();
        FrameWriter writer = new FrameWriter(wire);
        byte[][] batch = new byte[100][];
        ByteArrayOutputStream expected = new ByteArrayOutputStream();
        for (int i = 0; i < batch.length; i++) {
            batch[i] = new byte[] {(byte) i, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15};
            expected.write(batch[i]);
        }

        writer.write(batch, 100, true);

        assertEquals(1, wire.flushes);
        assertEquals(1, wire.writes, "100 PDUs of 16 octets fit the buffer: one write to the socket");
        assertArrayEquals(expected.toByteArray(), wire.bytes.toByteArray());
    }

    @Test
    void repliesWaitForTheFlush() throws IOException {
        Wire wire = new Wire();
        FrameWriter writer = new FrameWriter(wire);

        writer.write(new byte[16], false);
        writer.write(new byte[16], false);
        assertEquals(0, wire.bytes.size());

        writer.flush();
        assertEquals(32, wire.bytes.size());
        assertEquals(1, wire.flushes);
    }

    @Test
    void aWriteUnderWayIsTimedAndNoneIsZero() throws Exception {
        CountDownLatch entered = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        FrameWriter writer = new FrameWriter(new OutputStream() {
            @Override
            public void write(int b) {
            }

            @Override
            public void flush() {
                entered.countDown();
                try {
                    release.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        });
        assertEquals(0, writer.stalledNanos(System.nanoTime() + TimeUnit.HOURS.toNanos(1)));

        Thread blocked = new Thread(() -> {
            try {
                writer.write(new byte[16], true);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        });
        blocked.start();
        assertTrue(entered.await(30, TimeUnit.SECONDS));
        long inAnHour = System.nanoTime() + TimeUnit.HOURS.toNanos(1);
        assertTrue(writer.stalledNanos(inAnHour) >= TimeUnit.MINUTES.toNanos(59));

        release.countDown();
        blocked.join(30_000);
        assertEquals(0, writer.stalledNanos(inAnHour));
    }
}
