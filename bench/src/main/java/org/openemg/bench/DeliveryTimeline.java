package org.openemg.bench;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.LongSupplier;

/**
 * The soak's clock: how many submit_sm the SMSC simulator had received since the soak began, how many messages
 * the gateway had accepted, and the WildFly process's CPU ticks, each time another {@code slice} messages
 * arrived and once a second, until {@code total} arrived. Polls every 10 ms, so a slice of some seconds is timed
 * to well under a percent.
 */
final class DeliveryTimeline extends Thread {

    /** Delivered and accepted messages since the start and WildFly's utime+stime at one moment. */
    record Mark(long nanos, long millis, long delivered, long accepted, long cpuTicks) {
        /** Accepted but not delivered yet: the gateway's queue, as seen from outside. */
        long backlog() {
            return accepted - delivered;
        }
    }

    /** One slice between two marks: its messages, seconds, delivered msg/s and WildFly CPU per message. */
    record Slice(int number, Mark from, Mark to) {
        long messages() {
            return to.delivered - from.delivered;
        }

        double seconds() {
            return (to.nanos - from.nanos) / 1e9;
        }

        double rate() {
            return seconds() <= 0 ? 0 : messages() / seconds();
        }

        double cpuMicrosPerMessage(long clkTck) {
            return messages() == 0 ? 0 : (to.cpuTicks - from.cpuTicks) * 1e6 / clkTck / messages();
        }
    }

    private final Arrivals arrivals;
    private final LongSupplier acceptedTotal;
    private final long pid;
    private final long slice;
    private final long total;
    private final Runnable atTotal;
    private final long before;
    private final long acceptedBefore;
    private final Mark start;
    private final List<Mark> crossings = new CopyOnWriteArrayList<>();
    private final List<Mark> seconds = new CopyOnWriteArrayList<>();
    private volatile boolean running = true;
    private volatile Mark end;
    private volatile boolean reachedTotal;

    /** {@code atTotal} runs on the clock's thread once {@code total} messages arrived; the clock stops then. */
    DeliveryTimeline(Arrivals arrivals, LongSupplier acceptedTotal, long pid, long slice, long total, Runnable atTotal)
            throws IOException {
        super("delivery-timeline");
        setDaemon(true);
        this.arrivals = arrivals;
        this.acceptedTotal = acceptedTotal;
        this.pid = pid;
        this.slice = slice;
        this.total = total;
        this.atTotal = atTotal;
        this.before = arrivals.total();
        this.acceptedBefore = acceptedTotal.getAsLong();
        this.start = mark(0);
        seconds.add(start);
    }

    @Override
    public void run() {
        long nextSecond = start.nanos + 1_000_000_000L;
        while (running) {
            try {
                Thread.sleep(10);
                long delivered = arrivals.total() - before;
                if (delivered >= (crossings.size() + 1) * slice && delivered < total) {
                    crossings.add(mark(delivered));
                }
                if (delivered >= total) {
                    end = mark(delivered);
                    seconds.add(end);
                    reachedTotal = true;
                    atTotal.run();
                    return;
                }
                if (System.nanoTime() >= nextSecond) {
                    seconds.add(mark(delivered));
                    nextSecond += 1_000_000_000L;
                }
            } catch (InterruptedException | IOException e) {
                return;
            }
        }
    }

    /** Stops the clock if it still runs; the end mark (at {@code total}, or now) closes the last, possibly partial, slice. */
    Mark stopNow() throws IOException, InterruptedException {
        running = false;
        join();
        if (end == null) {
            end = mark(arrivals.total() - before);
            seconds.add(end);
        }
        return end;
    }

    /** Whether {@code total} messages arrived before the clock was stopped. */
    boolean reachedTotal() {
        return reachedTotal;
    }

    Mark origin() {
        return start;
    }

    /** The slices so far: one per {@code slice} messages, and the rest up to {@code end} if any arrived after the last one. */
    List<Slice> slices(Mark end) {
        List<Slice> out = new ArrayList<>();
        Mark from = start;
        for (Mark m : crossings) {
            out.add(new Slice(out.size() + 1, from, m));
            from = m;
        }
        if (end.delivered > from.delivered) {
            out.add(new Slice(out.size() + 1, from, end));
        }
        return out;
    }

    /** The span of the once-a-second marks that covers [fromMillis, toMillis]: the last mark at or before, the first at or after. */
    Slice around(long fromMillis, long toMillis) {
        Mark a = seconds.get(0);
        Mark b = seconds.get(seconds.size() - 1);
        for (Mark m : seconds) {
            if (m.millis <= fromMillis) {
                a = m;
            }
            if (m.millis >= toMillis) {
                b = m;
                break;
            }
        }
        return new Slice(0, a, b);
    }

    private Mark mark(long delivered) throws IOException {
        long[] cpu = Bench.cpu(pid);
        return new Mark(System.nanoTime(), System.currentTimeMillis(), delivered, acceptedTotal.getAsLong() - acceptedBefore,
                cpu[0] + cpu[1]);
    }
}
