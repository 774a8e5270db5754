package org.openemg.rar.smpp.client;


import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.jsmpp.PDUStringException;
import org.jsmpp.SMPPConstant;
import org.jsmpp.bean.OptionalParameter;
import org.jsmpp.util.DefaultComposer;
import org.jsmpp.util.PDUComposer;
import org.jsmpp.util.StringParameter;
import org.openemg.core.message.GatewayException;
import org.openemg.core.message.OptionNames;
import org.openemg.core.message.Options;
import org.openemg.core.text.EncodedSms;
import org.openemg.core.text.SmsEncoder;
import org.openemg.rar.api.OutgoingMessage;

/** Maps one stored part (its options) to the octets of a submit_sm PDU. Thread-safe. */
public final class SubmitSmComposer {

    private static final byte[] NO_SHORT_MESSAGE = new byte[0];
    private static final OptionalParameter[] NO_TLVS = new OptionalParameter[0];

    private final PDUComposer composer = new DefaultComposer();
    private final SmppTime time;

    public SubmitSmComposer() {
        this(Clock.systemUTC());
    }

    SubmitSmComposer(Clock clock) {
        this.time = new SmppTime(clock);
    }

    public byte[] compose(int sequenceNumber, OutgoingMessage request) throws UnsendableMessageException {
        Options options = request.options();
        SmppAddress source = address(options, true);
        SmppAddress destination = address(options, false);
        String validity = time(options, OptionNames.VP, SMPPConstant.STAT_ESME_RINVEXPIRY);
        byte protocolId = (byte) number(options, OptionNames.PROTOCOLID, 0);
        byte priority = (byte) Math.max(0, Math.min(3, number(options, OptionNames.PRIORITY, 0)));
        int dlr = number(options, OptionNames.DLR, 0);
        byte registeredDelivery = registeredDelivery(dlr);
        EncodedSms sms = encode(options);
        byte[] shortMessage = sms.messagePayload() != null || sms.shortMessage() == null
                ? NO_SHORT_MESSAGE : sms.shortMessage();
        try {
            return composer.submitSm(sequenceNumber, null, source.ton(), source.npi(), source.address(),
                    destination.ton(), destination.npi(), destination.address(), sms.esmClass(), protocolId,
                    // no schedule_delivery_time: the gateway held the part until DELTIME already
                    priority, null, validity, registeredDelivery, (byte) 0, sms.dataCoding(), (byte) 0,
                    shortMessage, tlvs(sms));
        } catch (PDUStringException e) {
            // jSMPP reports a bad destination with the source's status
            int status = e.getParameter() == StringParameter.DESTINATION_ADDR
                    ? SMPPConstant.STAT_ESME_RINVDSTADR : e.getErrorCode();
            throw new UnsendableMessageException(status, e.getMessage(), e);
        }
    }

    private static EncodedSms encode(Options options) throws UnsendableMessageException {
        try {
            return SmsEncoder.encode(options);
        } catch (GatewayException e) {
            throw new UnsendableMessageException(SMPPConstant.STAT_ESME_RINVMSGLEN, e.getMessage(), e);
        }
    }

    private static SmppAddress address(Options options, boolean source) throws UnsendableMessageException {
        try {
            return source ? SmppAddress.source(options) : SmppAddress.destination(options);
        } catch (GatewayException e) {
            throw new UnsendableMessageException(source ? SMPPConstant.STAT_ESME_RINVSRCADR
                    : SMPPConstant.STAT_ESME_RINVDSTADR, e.getMessage(), e);
        }
    }

    private String time(Options options, String name, int invalidStatus) throws UnsendableMessageException {
        try {
            return time.fromOption(options.get(name));
        } catch (IllegalArgumentException e) {
            throw new UnsendableMessageException(invalidStatus, name + "=" + options.get(name), e);
        }
    }

    private static int number(Options options, String name, int fallback) throws UnsendableMessageException {
        try {
            return options.getInt(name, fallback);
        } catch (GatewayException e) {
            throw new UnsendableMessageException(SMPPConstant.STAT_ESME_RSYSERR, name + "=" + options.get(name), e);
        }
    }

    /** The TLVs an encoded part needs beside short_message (SAR, message_payload); a deliver_sm needs the same. */
    public static OptionalParameter[] tlvs(EncodedSms sms) {
        if (sms.messagePayload() == null && sms.sarRefNum() == null) {
            return NO_TLVS;
        }
        List<OptionalParameter> tlvs = new ArrayList<>(4);
        if (sms.sarRefNum() != null) {
            tlvs.add(new OptionalParameter.Sar_msg_ref_num(sms.sarRefNum().shortValue()));
            tlvs.add(new OptionalParameter.Sar_total_segments(sms.sarTotalSegments().byteValue()));
            tlvs.add(new OptionalParameter.Sar_segment_seqnum(sms.sarSegmentSeqnum().byteValue()));
        }
        if (sms.messagePayload() != null) {
            tlvs.add(new OptionalParameter.Message_payload(sms.messagePayload()));
        }
        return tlvs.toArray(NO_TLVS);
    }

    /** registered_delivery for DLR: a final receipt for 1, and intermediate notifications (0x10) too for 3. */
    static byte registeredDelivery(int dlr) {
        return switch (dlr) {
            case 1 -> 0x01;
            case 3 -> 0x11;
            default -> 0x00;
        };
    }
}
