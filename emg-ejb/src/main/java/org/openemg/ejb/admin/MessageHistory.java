package org.openemg.ejb.admin;

import java.util.List;
import java.util.Map;
import org.openemg.ejb.store.LoggedPart;

/**
 * A message as the log keeps it: its options (passwords left out), its parts with their states and
 * reports, and the DLR the gateway issued for it, if any, with that DLR's own parts.
 */
public record MessageHistory(long id, Map<String, String> options, List<LoggedPart> parts, Long dlrId,
                             List<LoggedPart> dlr) {
}
