package org.openemg.ejb.admin;

import java.util.List;
import org.openemg.ejb.store.LoggedPart;

/** A page of a connector's queue (or of a search of the message log when {@code connector} is null). */
public record QueuePage(String connector, int offset, int limit, List<LoggedPart> messages) {
}
