package org.openemg.rar.smpp.server;

import org.openemg.core.flow.Pace;
import org.openemg.rar.smpp.client.ResultFlusher;
import org.openemg.rar.smpp.link.LinkWatchdog;
import org.openemg.rar.work.TaskThreads;

/** What the sessions of one incoming connector share. */
record ServerParts(IncomingSmppSettings settings, ServerTimings timings, SessionGateway gateway, SubmitGroups submits,
                   Deliveries deliveries, ResultFlusher results, DeliverSmComposer composer, BoundSessions bound,
                   Pace pace, TaskThreads threads, LinkWatchdog watchdog) {
}
