package org.openemg.core.id;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;

class IdAllocatorTest {

    /** A high-water mark as the database keeps it: survives the allocator, counts reservations. */
    static final class HighWaterMark implements BlockReserver {
        long mark;
        int reservations;

        HighWaterMark(long mark) {
            this.mark = mark;
        }

        @Override
        public synchronized long reserve(int blockSize) {
            reservations++;
            long first = mark;
            mark += blockSize;
            return first;
        }
    }

    @Test
    void handsOutConsecutiveIdsAcrossBlocks() {
        HighWaterMark db = new HighWaterMark(0);
        IdAllocator ids = new IdAllocator(7, 3, db);
        for (long seq = 0; seq < 7; seq++) {
            assertEquals(MessageIds.compose(7, seq), ids.next());
        }
        assertEquals(3, db.reservations);
        assertEquals(9, db.mark);
    }

    @Test
    void batchSpansBlocksUnderOneCall() {
        HighWaterMark db = new HighWaterMark(100);
        IdAllocator ids = new IdAllocator(1, 4, db);
        assertArrayEquals(new long[] {1_000_000_000_000_100L, 1_000_000_000_000_101L}, ids.next(2));
        long[] batch = ids.next(7);
        assertEquals(7, batch.length);
        assertEquals(1_000_000_000_000_102L, batch[0]);
        assertEquals(1_000_000_000_000_108L, batch[6]);
        assertEquals(3, db.reservations);
        assertEquals(0, ids.next(0).length);
    }

    @Test
    void restartSkipsTheRestOfTheBlockAndNeverRepeats() {
        HighWaterMark db = new HighWaterMark(0);
        Set<Long> seen = new HashSet<>();
        IdAllocator before = new IdAllocator(3, 10, db);
        for (int i = 0; i < 4; i++) {
            seen.add(before.next());
        }
        IdAllocator after = new IdAllocator(3, 10, db);
        long first = after.next();
        assertEquals(MessageIds.compose(3, 10), first);
        seen.add(first);
        assertEquals(5, seen.size());
    }

    @Test
    void theIdsOfOneCallStayConsecutiveWhenTheNextBlockDoesNotFollow() {
        long[] firsts = {0, 50, 54};
        int[] calls = {0};
        IdAllocator ids = new IdAllocator(2, 4, blockSize -> firsts[calls[0]++]);
        ids.next(3);
        long[] batch = ids.next(3);
        assertArrayEquals(new long[] {MessageIds.compose(2, 50), MessageIds.compose(2, 51), MessageIds.compose(2, 52)}, batch);
        assertArrayEquals(new long[] {MessageIds.compose(2, 53), MessageIds.compose(2, 54)}, ids.next(2));
        assertEquals(MessageIds.compose(2, 0) + MessageIds.MAX_PARTS - 1, MessageIds.lastPartId(MessageIds.compose(2, 0)));
    }

    @Test
    void defaultBlockIsTenThousand() {
        HighWaterMark db = new HighWaterMark(0);
        IdAllocator ids = new IdAllocator(0, db);
        ids.next(10_000);
        assertEquals(1, db.reservations);
        ids.next();
        assertEquals(20_000, db.mark);
    }

    @Test
    void refusesABlockThatOverlapsOrLeavesTheRange() {
        IdAllocator backwards = new IdAllocator(0, 5, blockSize -> 0);
        backwards.next(5);
        assertThrows(IllegalStateException.class, backwards::next);
        IdAllocator tooFar = new IdAllocator(0, 5, blockSize -> MessageIds.MAX_SEQUENCE - 3);
        assertThrows(IllegalStateException.class, tooFar::next);
        IdAllocator justFits = new IdAllocator(0, 5, blockSize -> MessageIds.MAX_SEQUENCE - 4);
        assertEquals(MessageIds.MAX_SEQUENCE, justFits.next(5)[4]);
    }

    @Test
    void rejectsBadArguments() {
        assertThrows(IllegalArgumentException.class, () -> new IdAllocator(9000, 10, b -> 0));
        assertThrows(IllegalArgumentException.class, () -> new IdAllocator(0, 0, b -> 0));
        assertThrows(IllegalArgumentException.class, () -> new IdAllocator(0, 10, b -> 0).next(-1));
    }

    @Test
    void threadsNeverShareAnId() throws Exception {
        HighWaterMark db = new HighWaterMark(0);
        IdAllocator ids = new IdAllocator(5, 97, db);
        int threads = 8;
        int rounds = 2_000;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Callable<List<Long>>> work = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int batch = t % 3 + 1;
                work.add(() -> {
                    List<Long> mine = new ArrayList<>();
                    for (int r = 0; r < rounds; r++) {
                        for (long id : ids.next(batch)) {
                            mine.add(id);
                        }
                    }
                    return mine;
                });
            }
            Set<Long> all = new HashSet<>();
            int total = 0;
            for (Future<List<Long>> f : pool.invokeAll(work)) {
                total += f.get().size();
                all.addAll(f.get());
            }
            assertEquals(total, all.size());
            assertEquals(total, all.stream().filter(id -> MessageIds.nodeOf(id) == 5).count());
        } finally {
            pool.shutdownNow();
        }
    }
}
