package org.openemg.rar.smpp.client;

import java.io.IOException;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.jsmpp.SMPPConstant;
import org.jsmpp.bean.DeliverSm;
import org.jsmpp.util.DefaultComposer;
import org.jsmpp.util.PDUComposer;
import org.openemg.rar.smpp.link.SmppLink;
import org.openemg.rar.work.GroupQueue;

/**
 * The deliver_sm of all binds of a connector on their way to the gateway: what arrived while the previous
 * group was being kept goes as one group, once the connector's results received before it are recorded, and
 * each link gets its deliver_sm_resp with one write. A deliver_sm left unanswered when the connector stops is
 * offered again by the SMSC.
 */
final class DeliverGroups implements Runnable {

    private static final Logger LOG = Logger.getLogger(DeliverGroups.class.getName());
    private static final PDUComposer COMPOSER = new DefaultComposer();
    private static final int MAX_GROUP = 1_000;
    /** How long a group waits at most for the results before it; a receipt still early after that is kept as early. */
    private static final long RESULTS_WAIT_NANOS = TimeUnit.SECONDS.toNanos(2);

    private final String connector;
    private final DeliverHandler handler;
    private final ResultFlusher results;
    private final GroupQueue<PendingDeliver> pending = new GroupQueue<>(MAX_GROUP);

    DeliverGroups(String connector, DeliverHandler handler, ResultFlusher results) {
        this.connector = connector;
        this.handler = handler;
        this.results = results;
    }

    void offer(PendingDeliver deliver) {
        pending.offer(List.of(deliver));
    }

    void stop() {
        pending.stop();
    }

    @Override
    public void run() {
        List<PendingDeliver> group;
        while ((group = pending.next()) != null) {
            answer(group);
        }
    }

    private void answer(List<PendingDeliver> group) {
        List<DeliverSm> messages = new ArrayList<>(group.size());
        group.forEach(deliver -> messages.add(deliver.deliverSm()));
        // the SMSC answered the submits before it sent these receipts: their results are recorded first
        results.awaitRecorded(RESULTS_WAIT_NANOS);
        List<Integer> statuses;
        try {
            statuses = handler.deliver(connector, messages);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "the gateway failed on " + group.size() + " deliver_sm of " + connector, e);
            statuses = null;
        }
        Map<SmppLink<?>, List<byte[]>> byLink = new IdentityHashMap<>();
        for (int i = 0; i < group.size(); i++) {
            PendingDeliver deliver = group.get(i);
            int status = statuses == null ? SMPPConstant.STAT_ESME_RSYSERR : statuses.get(i);
            byLink.computeIfAbsent(deliver.link(), link -> new ArrayList<>())
                    .add(COMPOSER.deliverSmResp(status, deliver.sequenceNumber(), null));
        }
        byLink.forEach(DeliverGroups::respond);
    }

    private static void respond(SmppLink<?> link, List<byte[]> responses) {
        try {
            link.respond(responses.toArray(new byte[0][]), responses.size());
        } catch (IOException e) {
            // the link is gone; the SMSC offers the unanswered deliver_sm again on another
            LOG.fine(() -> "deliver_sm_resp not written on " + link.name() + ": " + e.getMessage());
        }
    }
}
