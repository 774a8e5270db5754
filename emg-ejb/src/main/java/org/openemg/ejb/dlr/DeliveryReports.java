package org.openemg.ejb.dlr;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Logger;
import org.openemg.core.config.ServerConfig;
import org.openemg.core.dlr.DeliveryReport;
import org.openemg.core.dlr.ReturnPath;
import org.openemg.core.message.OptionCodec;
import org.openemg.core.message.OptionNames;
import org.openemg.core.message.Options;
import org.openemg.ejb.accept.QueueCommits;
import org.openemg.ejb.config.ConfigurationInForce;
import org.openemg.ejb.outlet.Outlets;
import org.openemg.ejb.store.Billing;
import org.openemg.ejb.store.FinishedMessage;
import org.openemg.ejb.store.FinishedMessages;
import org.openemg.ejb.store.MessageIdSource;
import org.openemg.ejb.store.NewMessage;

/**
 * Issues DLRs (spec section 7): when state changes finish a message that asked for one, its DLR is
 * stored as a message of its own in the same transaction, routed back the way the original came, and
 * leaves by that connector's dispatcher like any message, handed to it in memory after the commit when it
 * has room. Each message is reported once.
 */
@ApplicationScoped
public class DeliveryReports {

    private static final Logger LOG = Logger.getLogger(DeliveryReports.class.getName());
    /** DLRs in flight at any rate measured, with room for a client away; forgotten ones are read back when final. */
    private static final int ISSUED_REMEMBERED = 100_000;

    @Inject
    private ConfigurationInForce configuration;
    @EJB
    private Outlets outlets;
    @Inject
    private MessageIdSource ids;
    @Inject
    private FinishedMessages finished;
    @Inject
    private QueueCommits commits;

    private final ReturnPath returnPath = new ReturnPath();
    private final IssuedReports issued = new IssuedReports(ISSUED_REMEMBERED);

    private record Report(long originalId, Options options, ReturnPath.Way way) {
    }

    /** The intermediate DLRs (DLR=3) of the parts an intermediate receipt named: ENROUTE, ACCEPTED, UNKNOWN. */
    public void issueIntermediate(Collection<Long> partIds, String reportedState, long now) {
        if (partIds.isEmpty()) {
            return;
        }
        ServerConfig config = configuration.current();
        List<Report> reports = new ArrayList<>();
        for (FinishedMessage part : finished.partsAsMessages(partIds)) {
            Options original = OptionCodec.decode(part.options());
            DeliveryReport.intermediate(part.id(), original, reportedState, Instant.ofEpochMilli(part.acceptedAt()),
                            Instant.ofEpochMilli(now))
                    .ifPresent(dlr -> returnPath.of(config, original, outlets::carries)
                            .ifPresent(way -> reports.add(new Report(part.id(), dlr, way))));
        }
        if (!reports.isEmpty()) {
            store(config.nodeId(), reports, false, now);
        }
    }

    /** The DLRs of the messages whose last parts are among {@code partIds} and have just become final. */
    public void issueFor(Collection<Long> partIds, long now) {
        List<Long> mayNeedReport = issued.mayNeedReport(partIds);
        if (mayNeedReport.isEmpty()) {
            return;
        }
        ServerConfig config = configuration.current();
        List<Report> reports = new ArrayList<>();
        for (FinishedMessage message : finished.finishedBy(mayNeedReport)) {
            Options original = OptionCodec.decode(message.options());
            Optional<Options> dlr = DeliveryReport.of(message.id(), original, message.state(),
                    Instant.ofEpochMilli(message.acceptedAt()), Instant.ofEpochMilli(message.finishedAt()));
            if (dlr.isEmpty()) {
                continue;
            }
            Optional<ReturnPath.Way> way = returnPath.of(config, original, outlets::carries);
            if (way.isEmpty()) {
                if (finished.markReported(message.id(), now, null)) {
                    LOG.fine(() -> "the DLR of " + message.id() + " has no way back; its state is what /bin/status shows");
                }
                continue;
            }
            if (message.error() != null) {
                dlr.get().set(OptionNames.SMSCERROR, message.error());
            }
            reports.add(new Report(message.id(), dlr.get(), way.get()));
        }
        if (!reports.isEmpty()) {
            store(config.nodeId(), reports, true, now);
        }
    }

    /** A final report is stored only if it marks its message reported; an intermediate one marks nothing. */
    private void store(int nodeId, List<Report> reports, boolean finalReports, long now) {
        // ids first, so that the mark of each message names its DLR; a message reported meanwhile leaves a gap
        long[] reportIds = ids.next(nodeId, reports.size());
        Set<Long> marked = Set.of();
        if (finalReports) {
            Map<Long, Long> dlrIdByMessage = new LinkedHashMap<>();
            for (int i = 0; i < reports.size(); i++) {
                dlrIdByMessage.put(reports.get(i).originalId(), reportIds[i]);
            }
            marked = finished.markReported(dlrIdByMessage, now);
        }
        List<NewMessage> newRows = new ArrayList<>(reports.size());
        for (int i = 0; i < reports.size(); i++) {
            Report report = reports.get(i);
            if (finalReports && !marked.contains(report.originalId())) {
                continue;
            }
            Options dlr = report.options();
            dlr.set(OptionNames.ID, reportIds[i]);
            dlr.set(OptionNames.OUTCONNECTOR, report.way().connector());
            dlr.set(OptionNames.OUTUSER, report.way().user().orElse(null));
            newRows.add(new NewMessage(reportIds[i], reportIds[i], 1, dlr.getOrDefault(OptionNames.CONNECTOR, ""),
                    report.way().connector(), 0, now, null, dlr.get(OptionNames.DESTADDR), dlr.get(OptionNames.USERNAME),
                    OptionCodec.encode(dlr), null));
        }
        issued.stored(newRows.stream().map(NewMessage::id).toList());
        commits.commit(newRows, Billing.free(), now);
    }
}
