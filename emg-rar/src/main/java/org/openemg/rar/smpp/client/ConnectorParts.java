package org.openemg.rar.smpp.client;

import org.openemg.rar.work.SendResults;
import java.time.Duration;
import org.openemg.core.flow.Pace;
import org.openemg.rar.smpp.link.LinkWatchdog;
import org.openemg.rar.work.TaskThreads;

/** What the binds of one outgoing connector share, handed to each of them and their sessions; THROUGHPUT among it. */
record ConnectorParts(OutgoingSmppSettings settings, ClientTimings timings, SubmitQueue queue, ResultFlusher results,
                      SubmitSmComposer composer, DeliverGroups deliveries, BoundBinds bound, TaskThreads threads,
                      LinkWatchdog watchdog, StopSignal stop, Pace pace) {

    static ConnectorParts of(OutgoingSmppSettings settings, SendResults sink, DeliverHandler deliveries,
                             TaskThreads threads, ClientTimings timings) {
        SubmitQueue queue = new SubmitQueue();
        ResultFlusher results = new ResultFlusher(settings.connector(), sink, timings.resultFlushInterval().toNanos(),
                timings.resultFlushSize());
        return new ConnectorParts(settings, timings, queue, results, new SubmitSmComposer(),
                new DeliverGroups(settings.connector(), deliveries, results),
                new BoundBinds(queue, results), threads, new LinkWatchdog(watchdogTick(timings)), new StopSignal(),
                new Pace(settings.throughput()));
    }

    /** About once a second, more often for short timeouts, so that none is overrun by much. */
    private static Duration watchdogTick(ClientTimings timings) {
        Duration shortest = timings.submitResponse().compareTo(timings.enquireLinkResponse()) < 0
                ? timings.submitResponse() : timings.enquireLinkResponse();
        Duration half = shortest.dividedBy(2);
        if (half.compareTo(Duration.ofSeconds(1)) > 0) {
            return Duration.ofSeconds(1);
        }
        return half.compareTo(Duration.ofMillis(10)) < 0 ? Duration.ofMillis(10) : half;
    }
}
