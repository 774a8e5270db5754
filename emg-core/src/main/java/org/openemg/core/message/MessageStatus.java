package org.openemg.core.message;

import java.time.Instant;

/** A message as /bin/status and the admin API show it: its state and where it went. */
public record MessageStatus(long id, MessageState state, String destAddr, String connector, String outConnector,
                            String smscId, int attempts, Instant created, Instant updated) {
}
