package org.openemg.ejb.store;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import org.openemg.core.id.MessageIds;

/**
 * How a statement finds the parts of a message: by a range of the primary key, since a message's parts have
 * consecutive ids from its own ({@link MessageIds#lastPartId}), and its parent id within that range. An index on
 * parent_id cost every insert an entry (a fifth of what H2 wrote per message of SMPP with DLRs, bench/RESULTS.md).
 */
final class PartsOf {

    /** SQL: the parts of the message given as three parameters, see {@link #bind}. */
    static final String SQL = "id BETWEEN ? AND ? AND parent_id = ?";
    /** JPQL on MessagePart p: the parts of the message given as {@code :id} and {@code :lastPart}. */
    static final String JPQL = "p.id between :id and :lastPart and p.parentId = :id";

    private PartsOf() {
    }

    /** SQL for a correlated condition: the parts of the message whose id is the expression {@code messageId}. */
    static String of(String alias, String messageId) {
        return alias + ".id BETWEEN " + messageId + " AND " + messageId + " + " + (MessageIds.MAX_PARTS - 1)
                + " AND " + alias + ".parent_id = " + messageId;
    }

    /** JPQL for a correlated condition on MessagePart {@code alias}: the parts of the message {@code messageId}. */
    static String jpqlOf(String alias, String messageId) {
        return alias + ".id between " + messageId + " and " + messageId + " + " + (MessageIds.MAX_PARTS - 1)
                + " and " + alias + ".parentId = " + messageId;
    }

    /** Binds {@link #SQL}'s three parameters from {@code index}; returns the index after them. */
    static int bind(PreparedStatement ps, int index, long messageId) throws SQLException {
        return bind(ps, index, messageId, MessageIds.lastPartId(messageId));
    }

    /** As {@link #bind(PreparedStatement, int, long)}, for a message whose last part is known to be {@code lastPart}. */
    static int bind(PreparedStatement ps, int index, long messageId, long lastPart) throws SQLException {
        ps.setLong(index, messageId);
        ps.setLong(index + 1, lastPart);
        ps.setLong(index + 2, messageId);
        return index + 3;
    }
}
