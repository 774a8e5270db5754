package org.openemg.rar.smpp.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.openemg.rar.api.SendOutcome;
import org.openemg.rar.api.SendResult;
import org.openemg.rar.work.SendResults;

class ResultFlusherTest {

    private static final long LONG_INTERVAL = TimeUnit.SECONDS.toNanos(30);

    @Test
    void awaitRecordedFlushesAtOnceInsteadOfLingering() throws InterruptedException {
        CollectedResults sink = new CollectedResults();
        ResultFlusher flusher = new ResultFlusher("smsc", sink, LONG_INTERVAL, 500);
        Thread runner = started(flusher);
        flusher.add(List.of(accepted(1), accepted(2)));

        long start = System.nanoTime();
        flusher.awaitRecorded(TimeUnit.SECONDS.toNanos(10));

        assertTrue(System.nanoTime() - start < TimeUnit.SECONDS.toNanos(5), "waited for the flush interval");
        assertEquals(2, sink.size());
        stop(flusher, runner);
    }

    @Test
    void awaitRecordedReturnsOnlyOnceTheSinkReturned() throws InterruptedException {
        CountDownLatch inSink = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        CollectedResults recorded = new CollectedResults();
        SendResults slowSink = new SendResults() {
            @Override
            public void record(String connector, List<SendResult> results) {
                inSink.countDown();
                try {
                    release.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                recorded.record(connector, results);
            }

            @Override
            public void linkUp(String connector) {
                // no links in this test
            }
        };
        ResultFlusher flusher = new ResultFlusher("smsc", slowSink, LONG_INTERVAL, 500);
        Thread runner = started(flusher);
        flusher.add(List.of(accepted(7)));
        Thread waiter = new Thread(() -> flusher.awaitRecorded(TimeUnit.SECONDS.toNanos(30)));
        waiter.start();

        assertTrue(inSink.await(10, TimeUnit.SECONDS));
        waiter.join(200);
        assertTrue(waiter.isAlive(), "returned while the sink was still recording");
        release.countDown();
        waiter.join(10_000);
        assertEquals(false, waiter.isAlive());
        assertEquals(1, recorded.size());
        stop(flusher, runner);
    }

    @Test
    void awaitRecordedGivesUpAfterItsTimeout() throws InterruptedException {
        CountDownLatch release = new CountDownLatch(1);
        SendResults stuckSink = new SendResults() {
            @Override
            public void record(String connector, List<SendResult> results) {
                try {
                    release.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }

            @Override
            public void linkUp(String connector) {
                // no links in this test
            }
        };
        ResultFlusher flusher = new ResultFlusher("smsc", stuckSink, LONG_INTERVAL, 500);
        Thread runner = started(flusher);
        flusher.add(List.of(accepted(3)));

        long start = System.nanoTime();
        flusher.awaitRecorded(TimeUnit.MILLISECONDS.toNanos(300));

        long waited = System.nanoTime() - start;
        assertTrue(waited >= TimeUnit.MILLISECONDS.toNanos(300) && waited < TimeUnit.SECONDS.toNanos(5), "waited " + waited);
        release.countDown();
        stop(flusher, runner);
    }

    @Test
    void nothingAddedMeansNothingToWaitFor() throws InterruptedException {
        ResultFlusher flusher = new ResultFlusher("smsc", new CollectedResults(), LONG_INTERVAL, 500);
        Thread runner = started(flusher);

        long start = System.nanoTime();
        flusher.awaitRecorded(TimeUnit.SECONDS.toNanos(10));

        assertTrue(System.nanoTime() - start < TimeUnit.SECONDS.toNanos(1));
        stop(flusher, runner);
    }

    private static Thread started(ResultFlusher flusher) throws InterruptedException {
        Thread runner = new Thread(flusher);
        runner.start();
        // run() marks the flusher running before it waits for results: until then they go straight to the sink
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (runner.getState() != Thread.State.WAITING && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        return runner;
    }

    private static void stop(ResultFlusher flusher, Thread runner) throws InterruptedException {
        flusher.stop();
        runner.join(10_000);
        assertEquals(false, runner.isAlive());
    }

    private static SendResult accepted(long messageId) {
        return new SendResult(messageId, SendOutcome.ACCEPTED, 0, "smsc-" + messageId);
    }
}
