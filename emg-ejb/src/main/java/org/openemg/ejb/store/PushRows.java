package org.openemg.ejb.store;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.openemg.core.message.MessageState;
import org.openemg.core.message.OptionCodec;
import org.openemg.core.message.OptionNames;

/**
 * The WAP pushes a PAP connector took (emg_push_message), each known by connector, owner and push-id, in
 * the caller's transaction: whether one is pending, its addresses with their messages' states, and
 * recording a new one.
 */
@ApplicationScoped
public class PushRows {

    /** SQLSTATE of a unique key violation, the same in H2 and PostgreSQL. */
    private static final String UNIQUE_VIOLATION = "23505";
    private static final List<MessageState> OPEN = List.of(MessageState.QUEUED, MessageState.INFLIGHT, MessageState.SUBMITTED);

    @Inject
    StoreSessions sessions;

    /** Whether a message of the push is not final yet. */
    public boolean pending(String connector, String owner, String pushId) {
        return sessions.writeAndGet("checking push " + pushId, session -> session.createSelectionQuery(
                        "select count(*) from PushedMessage m, MessagePart p where " + PartsOf.jpqlOf("p", "m.messageId")
                                + " and m.inConnector = :connector and m.owner = :owner and m.pushId = :pushId"
                                + " and p.state in :open", Long.class)
                .setParameter("connector", connector)
                .setParameter("owner", owner)
                .setParameter("pushId", pushId)
                .setParameter("open", OPEN)
                .getSingleResult() > 0);
    }

    /**
     * Forgets the push's messages that are final, so that its push-id can name the next push. A push with
     * this push-id committed meanwhile is pending, so it stays, and the next push collides with it in {@link #record}.
     */
    public void forgetFinished(String connector, String owner, String pushId) {
        sessions.write("forgetting push " + pushId, session -> session.createMutationQuery(
                        "delete from PushedMessage m where m.inConnector = :connector and m.owner = :owner and m.pushId = :pushId"
                                + " and not exists (select 1 from MessagePart p where " + PartsOf.jpqlOf("p", "m.messageId")
                                + " and p.state in :open)")
                .setParameter("connector", connector)
                .setParameter("owner", owner)
                .setParameter("pushId", pushId)
                .setParameter("open", OPEN)
                .executeUpdate());
    }

    /** Records the messages of a push; false when a push with its push-id was recorded meanwhile (nothing is). */
    public boolean record(List<PushedMessage> messages) {
        String sql = "INSERT INTO emg_push_message (message_id, in_connector, owner, push_id, address_index, address_value,"
                + " received_at) VALUES (?,?,?,?,?,?,?)";
        // plain JDBC: a collision is an answer (2007), not an error for Hibernate to log
        return sessions.jdbc("recording a push of " + messages.size() + " addresses", c -> {
            try {
                JdbcBatch.run(c, sql, messages, (ps, m) -> m.bind(ps));
                return true;
            } catch (SQLException e) {
                if (isUniqueViolation(e)) {
                    return false;
                }
                throw e;
            }
        });
    }

    private static boolean isUniqueViolation(SQLException e) {
        for (SQLException next = e; next != null; next = next.getNextException()) {
            if (UNIQUE_VIOLATION.equals(next.getSQLState())) {
                return true;
            }
        }
        return e.getCause() instanceof SQLException cause && UNIQUE_VIOLATION.equals(cause.getSQLState());
    }

    /** The push's addresses in the order the push gave them; empty when no such push is known. */
    public List<PushedAddress> addresses(String connector, String owner, String pushId) {
        List<Object[]> parts = sessions.writeAndGet("reading push " + pushId, session -> session.createSelectionQuery(
                        "select m.addressValue, m.messageId, p.state, p.updatedAt, p.options"
                                + " from PushedMessage m, MessagePart p where " + PartsOf.jpqlOf("p", "m.messageId")
                                + " and m.inConnector = :connector and m.owner = :owner and m.pushId = :pushId"
                                + " order by m.addressIndex, p.id", Object[].class)
                .setParameter("connector", connector)
                .setParameter("owner", owner)
                .setParameter("pushId", pushId)
                .getResultList());
        List<PushedAddress> addresses = new ArrayList<>();
        List<MessageState> states = new ArrayList<>();
        long lastChange = 0;
        for (int i = 0; i < parts.size(); i++) {
            Object[] part = parts.get(i);
            states.add((MessageState) part[2]);
            lastChange = Math.max(lastChange, (Long) part[3]);
            boolean lastOfMessage = i + 1 == parts.size() || !parts.get(i + 1)[1].equals(part[1]);
            if (lastOfMessage) {
                boolean receiptsAwaited = OptionCodec.decode((String) part[4]).has(OptionNames.DLR);
                addresses.add(new PushedAddress((String) part[0], (Long) part[1], states, lastChange, receiptsAwaited));
                states.clear();
                lastChange = 0;
            }
        }
        return addresses;
    }
}
