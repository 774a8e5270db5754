package org.openemg.bench;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.function.Consumer;
import org.jsmpp.bean.DeliverSm;
import org.jsmpp.bean.OptionalParameter;

/**
 * The receipt deliver_sm (esm_class 0x04) the bench's SMPP clients were sent, per message of the bench:
 * how often, when first, and the receipted_message_id of the first. A receipt comes from the original's
 * destination {@code base + k} (see {@link Load}); other deliver_sm are counted as unexpected.
 */
final class DlrArrivals implements Consumer<DeliverSm>, Counts {

    private static final byte RECEIPT = 0x04;

    private final long base;
    private final AtomicIntegerArray count;
    private final AtomicLongArray firstArrival;
    private final AtomicLongArray receiptedId;
    private final AtomicLong total = new AtomicLong();
    private final AtomicLong unexpected = new AtomicLong();

    DlrArrivals(long base, int size) {
        this.base = base;
        this.count = new AtomicIntegerArray(size);
        this.firstArrival = new AtomicLongArray(size);
        this.receiptedId = new AtomicLongArray(size);
    }

    @Override
    public void accept(DeliverSm deliverSm) {
        long now = System.nanoTime();
        total.incrementAndGet();
        long n = Decimal.parse(deliverSm.getSourceAddr(), 18);
        long k = n - base;
        if ((deliverSm.getEsmClass() & RECEIPT) == 0 || n < 0 || k < 0 || k >= count.length()) {
            unexpected.incrementAndGet();
        } else if (count.getAndIncrement((int) k) == 0) {
            receiptedId.set((int) k, receiptedId(deliverSm));
            firstArrival.set((int) k, now);
        }
    }

    /** The receipted_message_id TLV as a number (our ids are decimal); 0 when absent or not a number. */
    private static long receiptedId(DeliverSm deliverSm) {
        if (deliverSm.getOptionalParameter(OptionalParameter.Tag.RECEIPTED_MESSAGE_ID) instanceof OptionalParameter.OctetString id) {
            // a C-octet string: the terminating NUL is part of the value
            return Math.max(0, Decimal.parse(new String(id.getValue(), StandardCharsets.US_ASCII).replace("\0", "").strip(), 19));
        }
        return 0;
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

    long receiptedId(int k) {
        return receiptedId.get(k);
    }
}
