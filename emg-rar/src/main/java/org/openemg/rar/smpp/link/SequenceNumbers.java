package org.openemg.rar.smpp.link;

import java.util.concurrent.atomic.AtomicInteger;

/** The sequence numbers of the requests one end of a link sends: 1 up to 0x7FFFFFFF, then 1 again. */
final class SequenceNumbers {

    private final AtomicInteger last;

    SequenceNumbers() {
        this(0);
    }

    /** Starts after {@code last}; tests start near the top to see the wrap. */
    SequenceNumbers(int last) {
        this.last = new AtomicInteger(last);
    }

    int next() {
        return last.updateAndGet(n -> n == Integer.MAX_VALUE ? 1 : n + 1);
    }
}
