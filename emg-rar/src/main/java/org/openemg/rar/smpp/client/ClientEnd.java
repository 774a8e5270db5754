package org.openemg.rar.smpp.client;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.jsmpp.PDUStringException;
import org.jsmpp.SMPPConstant;
import org.jsmpp.bean.DeliverSm;
import org.jsmpp.util.DefaultComposer;
import org.jsmpp.util.DefaultDecomposer;
import org.jsmpp.util.PDUComposer;
import org.jsmpp.util.PDUDecomposer;
import org.openemg.rar.api.OutgoingMessage;
import org.openemg.rar.api.SendOutcome;
import org.openemg.rar.api.SendResult;
import org.openemg.rar.smpp.link.LinkEnd;
import org.openemg.rar.smpp.link.PduFrame;
import org.openemg.rar.smpp.link.SmppLink;

/**
 * The client's end of one link to an SMSC: answers to its submit_sm become results, handed on in groups
 * whenever the input is drained; deliver_sm go to the gateway in the connector's groups and are answered
 * with its status.
 */
final class ClientEnd implements LinkEnd<OutgoingMessage> {

    private static final PDUComposer COMPOSER = new DefaultComposer();
    private static final PDUDecomposer DECOMPOSER = DefaultDecomposer.getInstance();

    private final String connector;
    private final ResultFlusher results;
    private final int groupSize;
    private final DeliverGroups deliveries;
    private final Runnable throttled;
    private final Runnable lost;
    private volatile SmppLink<OutgoingMessage> link;
    /** Reader thread only: results not handed on yet. */
    private final List<SendResult> answered = new ArrayList<>();

    /**
     * @param throttled what the session does on ESME_RTHROTTLED (pause its submits)
     * @param lost      what the session does when the link is lost, before the requests in flight are answered
     */
    ClientEnd(String connector, ResultFlusher results, int groupSize, DeliverGroups deliveries, Runnable throttled,
              Runnable lost) {
        this.connector = connector;
        this.results = results;
        this.groupSize = groupSize;
        this.deliveries = deliveries;
        this.throttled = throttled;
        this.lost = lost;
    }

    /** The link whose deliver_sm it answers once their group is kept; set before the link starts reading. */
    void answerOn(SmppLink<OutgoingMessage> link) {
        this.link = link;
    }

    @Override
    public boolean takes(int commandId) {
        return commandId == SMPPConstant.CID_DELIVER_SM;
    }

    /** A readable deliver_sm joins the connector's next group and is answered with it; an unreadable one at once. */
    @Override
    public byte[] request(PduFrame request) {
        DeliverSm sm;
        try {
            sm = DECOMPOSER.deliverSm(request.pdu());
        } catch (PDUStringException e) {
            return COMPOSER.deliverSmResp(e.getErrorCode(), request.sequenceNumber(), null);
        } catch (RuntimeException e) {
            return COMPOSER.deliverSmResp(SMPPConstant.STAT_ESME_RINVTLVSTREAM, request.sequenceNumber(), null);
        }
        // the answers read before it go first, so that a receipt can wait for its submit's result to be recorded
        drained();
        deliveries.offer(new PendingDeliver(sm, request.sequenceNumber(), link));
        return null;
    }

    /** A generic_nack, or a response of the wrong kind, says the SMSC did not take the message: RETRY. */
    @Override
    public void answered(OutgoingMessage request, PduFrame response) {
        int status = response.commandStatus();
        if (response.commandId() == SMPPConstant.CID_SUBMIT_SM_RESP) {
            SendOutcome outcome = SubmitStatus.outcome(status);
            if (outcome == SendOutcome.THROTTLED) {
                throttled.run();
            }
            String smscId = outcome == SendOutcome.ACCEPTED ? messageId(response.pdu()) : null;
            answered.add(new SendResult(request.messageId(), outcome, status, smscId));
        } else {
            answered.add(new SendResult(request.messageId(), SendOutcome.RETRY, status, null));
        }
        if (answered.size() >= groupSize) {
            drained();
        }
    }

    @Override
    public void unanswered(List<OutgoingMessage> requests) {
        List<SendResult> retry = new ArrayList<>(requests.size());
        for (OutgoingMessage request : requests) {
            retry.add(new SendResult(request.messageId(), SendOutcome.RETRY, SubmitStatus.NONE, null));
        }
        results.add(retry);
    }

    @Override
    public void drained() {
        if (!answered.isEmpty()) {
            results.add(new ArrayList<>(answered));
            answered.clear();
        }
    }

    @Override
    public void lost(List<OutgoingMessage> inFlight, String reason) {
        lost.run();
        results.addLinkLost(inFlight);
    }

    /** The submit_sm_resp message_id, read without jSMPP's 64-octet check: some SMSCs send longer ids. */
    private static String messageId(byte[] pdu) {
        int end = PduFrame.HEADER_LENGTH;
        while (end < pdu.length && pdu[end] != 0) {
            end++;
        }
        return new String(pdu, PduFrame.HEADER_LENGTH, end - PduFrame.HEADER_LENGTH, StandardCharsets.ISO_8859_1);
    }
}
