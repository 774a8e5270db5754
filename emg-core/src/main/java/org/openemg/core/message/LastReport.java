package org.openemg.core.message;

import java.time.Instant;

/**
 * A message's last delivery report as /bin/status shows it beside its state: the MESSAGESTATE reported
 * (by an SMSC's receipt, or by the gateway for connectors without receipts and for VP expiry), when it
 * came, the SMSC's error if it gave one, and the DLR message sent back to the client with its own state
 * (both null when the message asked for no DLR or its DLR had no way back).
 */
public record LastReport(String messageState, Instant at, String smscError, Long dlrId, MessageState dlrState) {
}
