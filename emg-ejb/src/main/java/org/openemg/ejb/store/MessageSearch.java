package org.openemg.ejb.store;

import org.openemg.core.message.MessageState;

/**
 * What to look for in the message log; null leaves a criterion out. {@code connector} matches the
 * incoming or the outgoing connector, {@code from} and {@code to} bound the time of acceptance (ms).
 */
public record MessageSearch(Long id, String destAddr, String username, String connector, MessageState state,
                            Long from, Long to, int offset, int limit) {

    public static final int MAX_LIMIT = 1_000;

    public MessageSearch {
        if (offset < 0) {
            throw new IllegalArgumentException("offset must not be negative");
        }
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit must be between 1 and " + MAX_LIMIT);
        }
    }
}
