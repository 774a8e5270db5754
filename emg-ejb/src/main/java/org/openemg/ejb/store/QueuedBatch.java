package org.openemg.ejb.store;

import java.util.List;
import java.util.Set;

/** The parts one request accepted, the connectors whose dispatchers must claim some of them from the table, and when. */
public record QueuedBatch(List<NewMessage> rows, Set<String> outConnectors, long acceptedAt) {
}
