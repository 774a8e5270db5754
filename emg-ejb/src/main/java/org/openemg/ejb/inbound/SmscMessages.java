package org.openemg.ejb.inbound;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
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
import org.openemg.ejb.store.FinishedMessages;
import org.openemg.ejb.store.PartReport;
import org.openemg.ejb.store.Receipts;

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
    private FinishedMessages finished;
    @Inject
    private DeliveryReports reports;
    @Inject
    private TrafficMeters meters;
    @EJB
    private MessageService messageService;

    public AcceptOutcome receive(String connector, ClientIdentity smsc, List<Options> messages) {
        List<RecipientResult> results = new ArrayList<>(messages.size());
        for (Options message : messages) {
            results.add(MSGTYPE_DLR.equals(message.get(OptionNames.MSGTYPE)) ? receipt(connector, message)
                    : mo(connector, smsc, message));
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
     * A receipt moves its part to the state it reports and becomes the part's last report; an intermediate one
     * (ENROUTE, ACCEPTED) only the report, and it is not kept for a submit answer still to come. A receipt the
     * gateway cannot use (no id, no state) is kept all the same: offering it again changes nothing.
     */
    private RecipientResult receipt(String connector, Options receipt) {
        String smscId = receipt.get(OptionNames.SMSCID);
        Optional<ReceiptState> state = Optional.ofNullable(receipt.get(OptionNames.MESSAGESTATE))
                .flatMap(ReceiptState::fromMessageStateOption);
        if (smscId == null || smscId.isBlank() || state.isEmpty()) {
            LOG.warning("connector " + connector + ": a receipt without message id or state was dropped");
            meters.receiptsUnmatched(connector, 1);
            return KEPT;
        }
        long now = System.currentTimeMillis();
        PartReport report = new PartReport(state.get().messageState(), state.get().messageStateOption(), now,
                receipt.get(OptionNames.SMSCERROR));
        boolean isFinal = report.state().isFinal();
        receipts.takeTurn(connector);
        List<String> readings = SmscId.candidates(smscId);
        if (receipts.apply(connector, readings, report)) {
            meters.receiptsMatched(connector, 1);
            if (isFinal) {
                reports.issueFor(finished.partsNamed(connector, readings), now);
            } else {
                reports.issueIntermediate(finished.partsNamed(connector, readings), report.messageState(), now);
            }
        } else if (isFinal) {
            // matched (or not) when its submit's answer is recorded, or dropped within the hour
            receipts.keepEarly(connector, SmscId.normalise(smscId), report);
        } else {
            meters.receiptsUnmatched(connector, 1);
        }
        return KEPT;
    }
}
