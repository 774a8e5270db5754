package org.openemg.rar.smpp.server;

import java.util.function.Function;
import org.openemg.core.message.AcceptOutcome;
import org.openemg.core.message.ClientRequest;

/**
 * A submit a session read, waiting for the gateway: the request, and how to answer it from the outcome
 * (null when the gateway could not take it).
 */
record PendingSubmit(ServerSession session, ClientRequest request, Function<AcceptOutcome, byte[]> answer) {
}
