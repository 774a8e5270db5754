package org.openemg.rar.smpp.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.openemg.core.config.BindMode;
import org.openemg.rar.api.OutgoingMessage;
import org.openemg.rar.api.SendResult;
import org.openemg.rar.work.ResultsOnly;
import org.openemg.rar.work.TaskThreads;
import org.openemg.rar.work.ThreadPerTask;

/** What a connector takes from the adapter's threads, and how it copes when they run out. */
class ConnectorThreadsTest {

    private static final ClientTimings TIMINGS = new ClientTimings(Duration.ofSeconds(5), Duration.ofSeconds(60),
            Duration.ofSeconds(10), Duration.ofSeconds(2), Duration.ofMillis(300), Duration.ofMillis(100),
            Duration.ofSeconds(1), Duration.ofMillis(10), 500);

    private final ThreadPerTask threads = new ThreadPerTask();
    private final List<String> asked = new CopyOnWriteArrayList<>();
    private final List<SendResult> results = new CopyOnWriteArrayList<>();

    @Test
    void aConnectorTakesOneThreadPerBindPlusItsResultsItsDeliveriesAndItsWatchdog() throws InterruptedException {
        SmppClientConnector connector = connector(3, limited(100));
        connector.start();
        connector.stop();

        assertEquals(List.of("smpp-out1-results", "smpp-out1-deliveries", "smpp-out1-bind-0", "smpp-out1-bind-1", "smpp-out1-bind-2",
                "smpp-out1-watchdog"), asked);
        assertNoneAlive();
    }

    @Test
    void aConnectorThatCannotGetItsThreadsRefusesToStartAndLeavesNothingRunning() throws InterruptedException {
        SmppClientConnector connector = connector(3, limited(3));

        RejectedExecutionException refused = assertThrows(RejectedExecutionException.class, connector::start);

        assertEquals("smpp-out1-bind-1 refused", refused.getMessage());
        assertNoneAlive();
        connector.submit(List.of(new OutgoingMessage(1, null)));
        assertEquals(1, results.size(), "a stopped connector answers at once");
    }

    private SmppClientConnector connector(int instances, TaskThreads taskThreads) {
        // port 1: nothing listens, so the binds keep trying until stopped
        OutgoingSmppSettings settings = new OutgoingSmppSettings("out1", "127.0.0.1", 1, instances,
                BindMode.TRANSCEIVER, "emg", "secret", "EMG", 10, 30);
        return new SmppClientConnector(settings, new ResultsOnly((connector, group) -> results.addAll(group)), (connector, group) -> group.stream().map(sm -> 0).toList(),
                taskThreads, TIMINGS);
    }

    private TaskThreads limited(int limit) {
        AtomicInteger left = new AtomicInteger(limit);
        return (name, task) -> {
            asked.add(name);
            if (left.getAndDecrement() <= 0) {
                throw new RejectedExecutionException(name + " refused");
            }
            return threads.start(name, task);
        };
    }

    private void assertNoneAlive() throws InterruptedException {
        List<String> alive = new ArrayList<>();
        for (String name : asked) {
            for (Thread thread : threads.named(name)) {
                thread.join(30_000);
                if (thread.isAlive()) {
                    alive.add(name);
                }
            }
        }
        assertEquals(List.of(), alive, "still running after stop");
    }
}
