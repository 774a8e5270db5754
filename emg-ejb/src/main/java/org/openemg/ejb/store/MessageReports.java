package org.openemg.ejb.store;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.openemg.core.id.MessageIds;
import org.openemg.core.message.LastReport;
import org.openemg.core.message.MessageState;

/** The read side of delivery reports, for /bin/status: a message's last report and the DLR sent for it. */
@ApplicationScoped
public class MessageReports {

    @Inject
    StoreSessions sessions;

    /** The latest report of any of the message's parts, with its DLR message if one was sent; empty while none came. */
    public Optional<LastReport> last(long messageId) {
        return sessions.managed("reading the last report of " + messageId, em -> {
            List<Object[]> reports = em.createQuery("select p.reportState, p.reportAt, p.reportError from MessagePart p"
                            + " where " + PartsOf.JPQL + " and p.reportAt is not null order by p.reportAt desc, p.id desc",
                            Object[].class)
                    .setParameter("id", messageId)
                    .setParameter("lastPart", MessageIds.lastPartId(messageId))
                    .setMaxResults(1)
                    .getResultList();
            if (reports.isEmpty()) {
                return Optional.empty();
            }
            Object[] report = reports.get(0);
            List<Object[]> dlrs = em.createQuery("select r.dlrId, p.state from ReportedMessage r, MessagePart p"
                            + " where r.messageId = :id and p.id = r.dlrId", Object[].class)
                    .setParameter("id", messageId)
                    .getResultList();
            Long dlrId = dlrs.isEmpty() ? null : (Long) dlrs.get(0)[0];
            MessageState dlrState = dlrs.isEmpty() ? null : (MessageState) dlrs.get(0)[1];
            return Optional.of(new LastReport((String) report[0], Instant.ofEpochMilli((Long) report[1]), (String) report[2],
                    dlrId, dlrState));
        });
    }
}
