package org.openemg.core.pap;

import static org.openemg.core.message.OptionNames.CHARCODE;
import static org.openemg.core.message.OptionNames.DELTIME;
import static org.openemg.core.message.OptionNames.DESTADDR;
import static org.openemg.core.message.OptionNames.DESTPORT;
import static org.openemg.core.message.OptionNames.DLR;
import static org.openemg.core.message.OptionNames.MESSAGE;
import static org.openemg.core.message.OptionNames.PAP_ADDRESS;
import static org.openemg.core.message.OptionNames.PAP_NOTIFYTO;
import static org.openemg.core.message.OptionNames.PAP_PUSHID;
import static org.openemg.core.message.OptionNames.PAP_VERSION;
import static org.openemg.core.message.OptionNames.SOURCEPORT;
import static org.openemg.core.message.OptionNames.VP;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.openemg.core.message.DeliveryTime;
import org.openemg.core.message.Options;
import org.openemg.core.text.Hex;
import org.openemg.core.wbxml.DocumentException;

/**
 * The gateway messages a push becomes, one option bag per address: the Push PDU as binary
 * MESSAGE, the WAP ports, the push's timing as VP and DELTIME, the push-id and address it came
 * with, and a final DLR when a result notification was asked for. The text package's splitter then puts ports and concatenation in
 * one UDH per part, as for any binary message with DESTPORT.
 */
public final class PushSms {

    /** WAP connectionless push on the handset (WDP). */
    public static final int DESTINATION_PORT = 2948;
    /** Connectionless WSP on the gateway side, the usual originator port. */
    public static final int SOURCE_PORT = 9200;
    /** 255 parts of 127 octets: fits whichever concatenation the outgoing connector uses. */
    static final int MAX_PDU_OCTETS = 255 * 127;
    private static final String CHARCODE_BINARY = "2";
    private static final String DLR_FINAL = "1";

    private PushSms() {
    }

    /**
     * The messages for a push request; a refused push is a PapException: 2001 when its
     * deliver-before-timestamp has passed, 3006 when its content does not compile, 2000 when the
     * PDU is too long for 255 SMS.
     */
    public static List<Options> of(PapRequest request, int transactionId, Instant now) throws PapException {
        PushMessage push = request.push();
        if (push.deliverBefore() != null && !push.deliverBefore().isAfter(now)) {
            throw PapException.refusedPush(request.version(), push.pushId(), PapCode.FORBIDDEN,
                    "deliver-before-timestamp has passed");
        }
        byte[] pdu;
        try {
            pdu = request.content().toPdu(transactionId).toBytes();
        } catch (DocumentException e) {
            throw PapException.refusedPush(request.version(), push.pushId(), PapCode.TRANSFORMATION_FAILURE,
                    "Content does not compile: " + e.getMessage());
        }
        if (pdu.length > MAX_PDU_OCTETS) {
            throw PapException.refusedPush(request.version(), push.pushId(), PapCode.BAD_REQUEST,
                    "Push of " + pdu.length + " octets does not fit in 255 SMS");
        }
        String message = Hex.encode(pdu);
        List<Options> messages = new ArrayList<>(push.addresses().size());
        for (PapAddress address : push.addresses()) {
            Options options = new Options()
                    .set(DESTADDR, address.phoneNumber().orElseThrow())
                    .set(MESSAGE, message)
                    .set(CHARCODE, CHARCODE_BINARY)
                    .set(DESTPORT, DESTINATION_PORT)
                    .set(SOURCEPORT, SOURCE_PORT)
                    .set(PAP_PUSHID, push.pushId())
                    .set(PAP_ADDRESS, address.value())
                    .set(PAP_VERSION, request.version().number());
            if (push.deliverBefore() != null) {
                options.set(VP, DeliveryTime.absolute(push.deliverBefore().toEpochMilli()));
            }
            if (push.deliverAfter() != null && push.deliverAfter().isAfter(now)) {
                options.set(DELTIME, DeliveryTime.absolute(push.deliverAfter().toEpochMilli()));
            }
            if (push.notifyTo() != null) {
                options.set(DLR, DLR_FINAL).set(PAP_NOTIFYTO, push.notifyTo());
            }
            messages.add(options);
        }
        return messages;
    }
}
