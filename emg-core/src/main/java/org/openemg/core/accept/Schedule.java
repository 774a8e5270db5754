package org.openemg.core.accept;

/**
 * When a message may leave ({@code dueAt}, DELTIME), until when it may still leave ({@code expiresAt},
 * VP; null for no limit), and its place in the queue ({@code priority}, PRIORITY). Epoch milliseconds.
 */
public record Schedule(long dueAt, Long expiresAt, int priority) {
}
