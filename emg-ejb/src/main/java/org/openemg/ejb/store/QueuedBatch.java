package org.openemg.ejb.store;

import java.util.List;
import java.util.Set;

/** The parts one request accepted, the connectors they go out on, and when they were accepted. */
public record QueuedBatch(List<NewMessage> rows, Set<String> outConnectors, long acceptedAt) {
}
