package org.openemg.rar.smpp.link;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class SequenceNumbersTest {

    @Test
    void startsAtOne() {
        assertEquals(1, new SequenceNumbers().next());
    }

    @Test
    void wrapsFromTheTopToOneNeverZeroOrNegative() {
        SequenceNumbers numbers = new SequenceNumbers(Integer.MAX_VALUE - 1);
        assertEquals(List.of(Integer.MAX_VALUE, 1, 2), List.of(numbers.next(), numbers.next(), numbers.next()));
    }

    @Test
    void threadsNeverShareANumber() throws Exception {
        SequenceNumbers numbers = new SequenceNumbers();
        Set<Integer> seen = ConcurrentHashMap.newKeySet();
        CountDownLatch go = new CountDownLatch(1);
        List<Thread> threads = IntStream.range(0, 4).mapToObj(i -> new Thread(() -> {
            try {
                go.await();
            } catch (InterruptedException e) {
                return;
            }
            for (int n = 0; n < 10_000; n++) {
                seen.add(numbers.next());
            }
        })).toList();
        threads.forEach(Thread::start);
        go.countDown();
        for (Thread thread : threads) {
            thread.join(30_000);
        }
        assertEquals(40_000, seen.size());
    }
}
