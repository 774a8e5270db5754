package org.openemg.ejb.store;

/** A message part about to be inserted; {@code options} is the encoded option bag, {@code expiresAt} null without VP. */
public record NewMessage(long id, long parentId, String inConnector, String outConnector, int priority,
                         long dueAt, Long expiresAt, String destAddr, String username, String options) {
}
