package org.openemg.rar.smpp.server;

import java.util.ArrayList;
import java.util.List;
import org.jsmpp.PDUStringException;
import org.jsmpp.SMPPConstant;
import org.jsmpp.bean.Address;
import org.jsmpp.bean.DestinationAddress;
import org.jsmpp.bean.DistributionList;
import org.jsmpp.bean.UnsuccessDelivery;
import org.jsmpp.util.DefaultComposer;
import org.jsmpp.util.PDUComposer;
import org.openemg.core.message.AcceptOutcome;
import org.openemg.core.message.RecipientResult;

/** The responses to submits once the gateway decided: our message id, or the status of the refusal. */
final class SubmitAnswers {

    private static final PDUComposer COMPOSER = new DefaultComposer();
    private static final UnsuccessDelivery[] NONE = new UnsuccessDelivery[0];

    private SubmitAnswers() {
    }

    /** A header-only response: an error, or a response without a body. */
    static byte[] status(int requestCommandId, int commandStatus, int sequenceNumber) {
        return COMPOSER.composeHeader(requestCommandId | SMPPConstant.MASK_CID_RESP, commandStatus, sequenceNumber);
    }

    /** submit_sm_resp or data_sm_resp for a request of one message. */
    static byte[] single(int requestCommandId, int sequenceNumber, AcceptOutcome outcome) {
        if (outcome == null) {
            return status(requestCommandId, SMPPConstant.STAT_ESME_RSYSERR, sequenceNumber);
        }
        RecipientResult result = outcome.results().get(0);
        if (!result.isAccepted()) {
            return status(requestCommandId, RefusalStatus.of(result), sequenceNumber);
        }
        try {
            String id = Long.toString(result.messageId());
            return requestCommandId == SMPPConstant.CID_DATA_SM ? COMPOSER.dataSmResp(sequenceNumber, id)
                    : COMPOSER.submitSmResp(sequenceNumber, id);
        } catch (PDUStringException e) {
            throw new IllegalStateException("a decimal id always fits message_id", e);
        }
    }

    /**
     * submit_multi_resp: the id of the first message kept, and each refused address in unsuccess_sme with its
     * status; when none was kept the id is empty and every address is listed.
     */
    static byte[] multi(int sequenceNumber, DestinationAddress[] destinations, AcceptOutcome outcome) {
        if (outcome == null) {
            return status(SMPPConstant.CID_SUBMIT_MULTI, SMPPConstant.STAT_ESME_RSYSERR, sequenceNumber);
        }
        String firstId = "";
        List<UnsuccessDelivery> unsuccessful = new ArrayList<>();
        for (int i = 0; i < destinations.length; i++) {
            RecipientResult result = outcome.results().get(Math.min(i, outcome.results().size() - 1));
            if (result.isAccepted()) {
                if (firstId.isEmpty()) {
                    firstId = Long.toString(result.messageId());
                }
            } else {
                unsuccessful.add(new UnsuccessDelivery(address(destinations[i]), RefusalStatus.of(result)));
            }
        }
        try {
            return COMPOSER.submitMultiResp(sequenceNumber, firstId, unsuccessful.toArray(NONE));
        } catch (PDUStringException e) {
            return status(SMPPConstant.CID_SUBMIT_MULTI, SMPPConstant.STAT_ESME_RSYSERR, sequenceNumber);
        }
    }

    private static Address address(DestinationAddress destination) {
        if (destination instanceof Address a) {
            return a;
        }
        return new Address((byte) 0, (byte) 0, ((DistributionList) destination).getName());
    }
}
