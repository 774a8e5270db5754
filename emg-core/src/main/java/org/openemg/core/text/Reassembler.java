package org.openemg.core.text;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;

/**
 * Collects the parts of concatenated incoming messages, keyed by source, destination and
 * reference, until all have arrived or CMREXPIRE has passed since the first one; then
 * {@link #expire()} releases what came, in sequence order, marked incomplete. Keeps no thread:
 * the caller calls {@code expire()} from its own timer. Calls are synchronized, so one instance
 * may serve several sessions.
 */
public final class Reassembler {

    private final Clock clock;
    private final long keepMillis;
    /** In order of first arrival, so expiry only looks at the oldest. */
    private final LinkedHashMap<String, Pending> pending = new LinkedHashMap<>();

    public Reassembler(Clock clock, Duration keep) {
        this.clock = clock;
        this.keepMillis = keep.toMillis();
    }

    /** The whole message when this part completes one (at once for a message of one part); empty while parts are missing or for a duplicate part. */
    public synchronized Optional<AssembledSms> offer(String source, String destination, IncomingSms part) {
        Concat concat = part.concat();
        if (concat == null || concat.max() == 1) {
            return Optional.of(join(source, destination, new IncomingSms[] {part}, 1));
        }
        String key = source + '\u0000' + destination + '\u0000' + concat.ref();
        Pending waiting = pending.get(key);
        if (waiting == null) {
            waiting = new Pending(source, destination, concat.max(), clock.millis());
            pending.put(key, waiting);
        }
        if (concat.seq() > waiting.parts.length) {
            return Optional.of(join(source, destination, new IncomingSms[] {part}, 1));
        }
        if (waiting.parts[concat.seq() - 1] != null) {
            return Optional.empty();
        }
        waiting.parts[concat.seq() - 1] = part;
        if (++waiting.received < waiting.parts.length) {
            return Optional.empty();
        }
        pending.remove(key);
        return Optional.of(join(source, destination, waiting.parts, waiting.parts.length));
    }

    /** The partial messages whose first part came CMREXPIRE ago or earlier, marked incomplete. */
    public synchronized List<AssembledSms> expire() {
        long now = clock.millis();
        List<AssembledSms> expired = new ArrayList<>();
        for (Iterator<Pending> it = pending.values().iterator(); it.hasNext(); ) {
            Pending waiting = it.next();
            if (now - waiting.firstMillis < keepMillis) {
                break;
            }
            it.remove();
            expired.add(join(waiting.source, waiting.destination, waiting.parts, waiting.parts.length));
        }
        return expired;
    }

    /** Messages waiting for parts. */
    public synchronized int pending() {
        return pending.size();
    }

    private static AssembledSms join(String source, String destination, IncomingSms[] parts, int total) {
        IncomingSms first = null;
        int length = 0;
        int received = 0;
        for (IncomingSms part : parts) {
            if (part != null) {
                first = first == null ? part : first;
                length += part.data().length;
                received++;
            }
        }
        byte[] data = new byte[length];
        int at = 0;
        for (IncomingSms part : parts) {
            if (part != null) {
                System.arraycopy(part.data(), 0, data, at, part.data().length);
                at += part.data().length;
            }
        }
        UserDataHeader header = first.header().without(UserDataHeader.IEI_CONCAT_8BIT, UserDataHeader.IEI_CONCAT_16BIT);
        return new AssembledSms(source, destination, first.dataCoding(), header, data,
                SmsDecoder.text(first.alphabet(), data), received, total, received == total);
    }

    private static final class Pending {
        final String source;
        final String destination;
        final IncomingSms[] parts;
        final long firstMillis;
        int received;

        Pending(String source, String destination, int total, long firstMillis) {
            this.source = source;
            this.destination = destination;
            this.parts = new IncomingSms[total];
            this.firstMillis = firstMillis;
        }
    }
}
