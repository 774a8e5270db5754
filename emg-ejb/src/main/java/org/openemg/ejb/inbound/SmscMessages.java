package org.openemg.ejb.inbound;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Logger;
import org.openemg.core.message.AcceptOutcome;
import org.openemg.core.message.ClientIdentity;
import org.openemg.core.message.GatewayException;
import org.openemg.core.message.OptionNames;
import org.openemg.core.message.Options;
import org.openemg.core.message.RecipientResult;
import org.openemg.core.message.Status;
import org.openemg.core.receipt.ReceiptState;
import org.openemg.core.receipt.SmscId;
import org.openemg.ejb.accept.MessageService;
import org.openemg.ejb.dlr.DeliveryReports;
import org.openemg.ejb.metrics.TrafficMeters;
import org.openemg.ejb.store.PartReport;
import org.openemg.ejb.store.Receipts;
import org.openemg.ejb.store.SmscReceipt;

/**
 * What an SMSC delivers on an outgoing connector, already read into options by the adapter. A receipt
 * (MSGTYPE=5) moves the part its SMSCID names to its final state, matched in any of the id's usual
 * spellings. An MO message is accepted like any other, routed by the routing table with the outgoing
 * connector as its incoming connector (spec section 4); unroutable, it is refused so that the SMSC offers it again.
 */
@Stateless
public class SmscMessages {

    private static final Logger LOG = Logger.getLogger(SmscMessages.class.getName());
    private static final String MSGTYPE_DLR = "5";
    private static final RecipientResult KEPT = new RecipientResult(Status.OK, Status.OK.text(), null, 0);

    @Inject
    private Receipts receipts;
    @Inject
    private DeliveryReports reports;
    @Inject
    private TrafficMeters meters;
    @EJB
    private MessageService messageService;

    /**
     * The group's MO messages one by one, its receipts together: the turn taken once, the parts found and moved
     * in one go, and the DLRs of the messages they finished issued together (one id block, one insert).
     */
    public AcceptOutcome receive(String connector, ClientIdentity smsc, List<Options> messages) {
        List<RecipientResult> results = new ArrayList<>(messages.size());
        List<SmscReceipt> group = new ArrayList<>();
        long now = System.currentTimeMillis();
        for (Options message : messages) {
            if (MSGTYPE_DLR.equals(message.get(OptionNames.MSGTYPE))) {
                usable(connector, message, now).ifPresent(group::add);
                results.add(KEPT);
            } else {
                results.add(mo(connector, smsc, message));
            }
        }
        if (!group.isEmpty()) {
            apply(connector, group, now);
        }
        return new AcceptOutcome(results, null);
    }

    private RecipientResult mo(String connector, ClientIdentity smsc, Options message) {
        try {
            return messageService.accept(connector, smsc, List.of(message)).results().get(0);
        } catch (GatewayException refused) {
            return RecipientResult.refused(refused);
        }
    }

    /**
     * A receipt the gateway can use: with an id and a state. One it cannot use is kept all the same (answered):
     * offering it again changes nothing.
     */
    private Optional<SmscReceipt> usable(String connector, Options receipt, long now) {
        String smscId = receipt.get(OptionNames.SMSCID);
        Optional<ReceiptState> state = Optional.ofNullable(receipt.get(OptionNames.MESSAGESTATE))
                .flatMap(ReceiptState::fromMessageStateOption);
        if (smscId == null || smscId.isBlank() || state.isEmpty()) {
            LOG.warning("connector " + connector + ": a receipt without message id or state was dropped");
            meters.receiptsUnmatched(connector, 1);
            return Optional.empty();
        }
        PartReport report = new PartReport(state.get().messageState(), state.get().messageStateOption(),
                now, receipt.get(OptionNames.SMSCERROR));
        return Optional.of(new SmscReceipt(SmscId.candidates(smscId), report));
    }

    /**
     * A receipt moves its part to the state it reports and becomes the part's last report; an intermediate one
     * (ENROUTE, ACCEPTED) only the report, and it is not kept for a submit answer still to come.
     */
    private void apply(String connector, List<SmscReceipt> group, long now) {
        receipts.takeTurn(connector);
        List<List<Long>> named = receipts.applyAll(connector, group);
        Set<Long> finishedParts = new LinkedHashSet<>();
        Map<String, List<Long>> intermediateByState = new LinkedHashMap<>();
        Map<String, PartReport> early = new LinkedHashMap<>();
        int matched = 0;
        for (int i = 0; i < group.size(); i++) {
            SmscReceipt receipt = group.get(i);
            PartReport report = receipt.report();
            List<Long> parts = named.get(i);
            if (!parts.isEmpty()) {
                matched++;
                if (report.state().isFinal()) {
                    finishedParts.addAll(parts);
                } else {
                    intermediateByState.computeIfAbsent(report.messageState(), s -> new ArrayList<>()).addAll(parts);
                }
            } else if (report.state().isFinal()) {
                // matched (or not) when its submit's answer is recorded, or dropped within the hour
                early.put(receipt.smscIdReadings().get(0), report);
            } else {
                meters.receiptsUnmatched(connector, 1);
            }
        }
        meters.receiptsMatched(connector, matched);
        receipts.keepEarly(connector, early);
        // intermediate DLRs first: a group can hold a message's ENROUTE and its final receipt, in that order
        intermediateByState.forEach((state, parts) -> reports.issueIntermediate(parts, state, now));
        reports.issueFor(finishedParts, now);
    }
}
