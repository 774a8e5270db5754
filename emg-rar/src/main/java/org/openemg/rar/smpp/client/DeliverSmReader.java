package org.openemg.rar.smpp.client;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.jsmpp.bean.DeliverSm;
import org.jsmpp.bean.OptionalParameter;
import org.jsmpp.bean.OptionalParameter.Tag;
import org.openemg.rar.smpp.TlvValues;
import org.openemg.core.message.OptionNames;
import org.openemg.core.message.Options;
import org.openemg.core.receipt.DeliveryReceipt;
import org.openemg.core.receipt.DeliveryReceiptParser;
import org.openemg.core.receipt.ReceiptError;
import org.openemg.core.receipt.ReceiptState;
import org.openemg.core.text.AssembledSms;
import org.openemg.core.text.IncomingSms;
import org.openemg.core.text.Reassembler;
import org.openemg.core.text.SmsDecoder;

/**
 * Reads what an SMSC delivers into the gateway's options, so that no PDU field crosses into the EJBs:
 * a receipt becomes MSGTYPE=5 with SMSCID and MESSAGESTATE (from the TLVs, else from the receipt
 * text) and SMSCERROR (the text's {@code err:}), an MO message its decoded text or octets, reassembled
 * from its parts first.
 */
public final class DeliverSmReader {

    /** MSGTYPE of a delivery report (spec section 1). */
    public static final String MSGTYPE_DLR = "5";
    private static final int MESSAGE_TYPE_MASK = 0x3C;
    private static final int SMSC_DELIVERY_RECEIPT = 0x04;
    private static final int INTERMEDIATE_NOTIFICATION = 0x20;

    private final Reassembler reassembler;

    public DeliverSmReader(Reassembler reassembler) {
        this.reassembler = reassembler;
    }

    /** The options of a receipt or of a whole MO message; empty while parts of a long MO message are missing. */
    public Optional<Options> read(DeliverSm sm) {
        if (isReceipt(sm.getEsmClass())) {
            return Optional.of(receipt(sm));
        }
        IncomingSms part = SmsDecoder.decode(sm.getDataCoding() & 0xFF, sm.getEsmClass() & 0xFF, sm.getShortMessage(),
                TlvValues.octets(sm.getOptionalParameter(Tag.MESSAGE_PAYLOAD)),
                TlvValues.unsigned(sm.getOptionalParameter(Tag.SAR_MSG_REF_NUM)),
                TlvValues.unsigned(sm.getOptionalParameter(Tag.SAR_TOTAL_SEGMENTS)),
                TlvValues.unsigned(sm.getOptionalParameter(Tag.SAR_SEGMENT_SEQNUM)));
        return reassembler.offer(sm.getSourceAddr(), sm.getDestAddress(), part).map(DeliverSmReader::mo);
    }

    /** MO messages whose missing parts did not come within CMREXPIRE, each with the parts that did. */
    public List<Options> expired() {
        return reassembler.expire().stream().map(DeliverSmReader::mo).toList();
    }

    static boolean isReceipt(byte esmClass) {
        int messageType = esmClass & MESSAGE_TYPE_MASK;
        return messageType == SMSC_DELIVERY_RECEIPT || messageType == INTERMEDIATE_NOTIFICATION;
    }

    private static Options mo(AssembledSms sms) {
        return sms.toOptions();
    }

    private static Options receipt(DeliverSm sm) {
        byte[] body = sm.getShortMessage() != null && sm.getShortMessage().length > 0 ? sm.getShortMessage()
                : TlvValues.octets(sm.getOptionalParameter(Tag.MESSAGE_PAYLOAD));
        String text = body == null ? "" : new String(body, StandardCharsets.ISO_8859_1);
        Optional<DeliveryReceipt> parsed = DeliveryReceiptParser.parse(text);
        String smscId = TlvValues.cString(sm.getOptionalParameter(Tag.RECEIPTED_MESSAGE_ID));
        if (smscId == null) {
            smscId = parsed.map(DeliveryReceipt::id).orElse(null);
        }
        OptionalParameter stateTlv = sm.getOptionalParameter(Tag.MESSAGE_STATE);
        Optional<ReceiptState> state = stateTlv instanceof OptionalParameter.Byte b
                ? ReceiptState.fromTlv(b.getValue() & 0xFF) : Optional.empty();
        state = state.or(() -> parsed.map(DeliveryReceipt::receiptState));
        Options options = new Options();
        options.set(OptionNames.MSGTYPE, MSGTYPE_DLR);
        options.set(OptionNames.SOURCEADDR, sm.getSourceAddr());
        options.set(OptionNames.DESTADDR, sm.getDestAddress());
        options.set(OptionNames.SMSCID, smscId == null || smscId.isBlank() ? null : smscId);
        options.set(OptionNames.MESSAGESTATE, state.map(ReceiptState::messageStateOption).orElse(null));
        options.set(OptionNames.SMSCERROR, parsed.map(DeliveryReceipt::err).flatMap(ReceiptError::of).orElse(null));
        options.set(OptionNames.MESSAGE, text);
        return options;
    }
}
