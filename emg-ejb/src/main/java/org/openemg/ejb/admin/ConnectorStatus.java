package org.openemg.ejb.admin;

/**
 * One connector in /admin/connectors. {@code state}: UP (a link can send, or a listener runs), DOWN (no
 * link up yet), HELD (an operator holds it), CLOSED (force-closed), ELSEWHERE (incoming HTTP and PAP, served
 * by the web module), UNAVAILABLE (a kind the gateway does not run). Queue depth is {@code queued} +
 * {@code inflight}; {@code sentPerSecond} is results recorded per second over the last minute.
 */
public record ConnectorStatus(String name, String protocol, String direction, String state, boolean held,
                              int linksConfigured, int linksUp, int queued, int inflight, int windowInUse,
                              int windowSize, double sentPerSecond) {
}
