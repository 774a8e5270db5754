package org.openemg.ejb.store;

import java.util.Set;

/** Fired inside the accepting transaction; observers act after it commits (wakes the dispatchers). */
public record MessagesQueued(Set<String> outConnectors) {
}
