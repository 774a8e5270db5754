package org.openemg.bench;

import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.function.Consumer;
import org.jsmpp.bean.SubmitSm;

/**
 * What reached the SMSC simulator, per message of the bench: how often and when (first arrival,
 * nanoTime) each destination arrived. Destinations of the bench are {@code base + k} for message
 * number k (see {@link Load}); anything else is counted as unexpected.
 */
final class Arrivals implements Consumer<SubmitSm>, Counts {

    private final long base;
    private final AtomicIntegerArray count;
    private final AtomicLongArray firstArrival;
    private final AtomicLong total = new AtomicLong();
    private final AtomicLong unexpected = new AtomicLong();

    Arrivals(long base, int size) {
        this.base = base;
        this.count = new AtomicIntegerArray(size);
        this.firstArrival = new AtomicLongArray(size);
    }

    @Override
    public void accept(SubmitSm submit) {
        long now = System.nanoTime();
        total.incrementAndGet();
        int k = index(submit.getDestAddress());
        if (k < 0) {
            unexpected.incrementAndGet();
        } else if (count.getAndIncrement(k) == 0) {
            firstArrival.set(k, now);
        }
    }

    private int index(String destination) {
        long n = Decimal.parse(destination, 18);
        long k = n - base;
        return n >= 0 && k >= 0 && k < count.length() ? (int) k : -1;
    }

    @Override
    public long total() {
        return total.get();
    }

    long unexpected() {
        return unexpected.get();
    }

    @Override
    public int count(int k) {
        return count.get(k);
    }

    @Override
    public long firstArrival(int k) {
        return firstArrival.get(k);
    }
}
