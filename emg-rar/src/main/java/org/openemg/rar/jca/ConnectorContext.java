package org.openemg.rar.jca;

import java.util.Timer;

/** What every running connector gets from the adapter: the listener, the threads, the timer. */
record ConnectorContext(ListenerEndpoint listener, AdapterThreads threads, Timer timer) {
}
