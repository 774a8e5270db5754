package org.openemg.rar.smpp.server;

import java.util.ArrayList;
import java.util.List;
import org.jsmpp.SMPPConstant;
import org.jsmpp.bean.AbstractSmCommand;
import org.jsmpp.bean.Address;
import org.jsmpp.bean.DestinationAddress;
import org.jsmpp.bean.MessageRequest;
import org.jsmpp.bean.OptionalParameter;
import org.jsmpp.bean.OptionalParameter.Tag;
import org.openemg.rar.smpp.TlvValues;
import org.jsmpp.bean.ReplaceSm;
import org.jsmpp.bean.SubmitMulti;
import org.openemg.core.message.OptionNames;
import org.openemg.core.message.Options;
import org.openemg.core.text.Hex;
import org.openemg.core.text.IncomingSms;
import org.openemg.core.text.SmsDecoder;

/**
 * Reads what a client submits (submit_sm, data_sm, submit_multi) into the gateway's options, so that no PDU
 * field crosses into the EJBs: addresses with TON and NPI, the body decoded by data_coding (kept as DCS, so
 * that it leaves in the coding it came in), the header as UDH, SAR TLVs as CONCATSMS*, registered_delivery
 * as DLR, priority, protocol id, and the SMPP times as VP and DELTIME.
 */
final class SubmitReader {

    private static final int RECEIPT_REQUESTED = 0x03;
    private static final int INTERMEDIATE_REQUESTED = 0x10;

    private SubmitReader() {
    }

    static Options submitSm(MessageRequest sm) throws RefusedRequestException {
        Options options = common(sm, sm.getShortMessage());
        destination(options, sm.getDestAddrTon(), sm.getDestAddrNpi(), sm.getDestAddress());
        times(options, sm.getValidityPeriod(), sm.getScheduleDeliveryTime());
        numbers(options, sm.getPriorityFlag(), sm.getProtocolId());
        return options;
    }

    static Options dataSm(AbstractSmCommand sm) throws RefusedRequestException {
        Options options = common(sm, null);
        destination(options, sm.getDestAddrTon(), sm.getDestAddrNpi(), sm.getDestAddress());
        return options;
    }

    /** One option bag per address of a submit_multi, in order; a distribution list is no address here. */
    static List<Options> submitMulti(SubmitMulti sm) throws RefusedRequestException {
        Options shared = bodyOf(sm.getSourceAddrTon(), sm.getSourceAddrNpi(), sm.getSourceAddr(), sm.getEsmClass(),
                sm.getDataCoding(), sm.getRegisteredDelivery(), sm.getShortMessage(), sm::getOptionalParameter);
        times(shared, sm.getValidityPeriod(), sm.getScheduleDeliveryTime());
        numbers(shared, sm.getPriorityFlag(), sm.getProtocolId());
        List<Options> each = new ArrayList<>();
        for (DestinationAddress destination : sm.getDestAddresses()) {
            Options options = shared.copy();
            if (destination instanceof Address a) {
                destination(options, a.getTon(), a.getNpi(), a.getAddress());
            }
            each.add(options);
        }
        return each;
    }

    /**
     * What a replace_sm changes: the new short_message as octets (CHARCODE=2), which keep the original's data
     * coding, its times and its registered_delivery.
     */
    static Options replacement(ReplaceSm sm) throws RefusedRequestException {
        Options options = new Options();
        byte[] octets = sm.getShortMessage() == null ? new byte[0] : sm.getShortMessage();
        options.set(OptionNames.MESSAGE, Hex.encode(octets));
        options.set(OptionNames.CHARCODE, "2");
        times(options, sm.getValidityPeriod(), sm.getScheduleDeliveryTime());
        String dlr = dlr(sm.getRegisteredDelivery());
        options.set(OptionNames.DLR, dlr == null ? "0" : dlr);
        return options;
    }

    private interface Tlvs {
        OptionalParameter get(Tag tag);
    }

    private static Options common(AbstractSmCommand sm, byte[] shortMessage) throws RefusedRequestException {
        return bodyOf(sm.getSourceAddrTon(), sm.getSourceAddrNpi(), sm.getSourceAddr(), sm.getEsmClass(),
                sm.getDataCoding(), sm.getRegisteredDelivery(), shortMessage, sm::getOptionalParameter);
    }

    private static Options bodyOf(byte sourceTon, byte sourceNpi, String source, byte esmClass, byte dataCoding,
                                  byte registeredDelivery, byte[] shortMessage, Tlvs tlvs) throws RefusedRequestException {
        byte[] payload = TlvValues.octets(tlvs.get(Tag.MESSAGE_PAYLOAD));
        if (shortMessage != null && shortMessage.length > 0 && payload != null) {
            throw new RefusedRequestException(SMPPConstant.STAT_ESME_RINVTLVSTREAM,
                    "short_message and message_payload both given");
        }
        Integer sarRef = TlvValues.unsigned(tlvs.get(Tag.SAR_MSG_REF_NUM));
        Integer sarTotal = TlvValues.unsigned(tlvs.get(Tag.SAR_TOTAL_SEGMENTS));
        Integer sarSeq = TlvValues.unsigned(tlvs.get(Tag.SAR_SEGMENT_SEQNUM));
        IncomingSms sms = SmsDecoder.decode(dataCoding & 0xFF, esmClass & 0xFF, shortMessage, payload, sarRef, sarTotal,
                sarSeq);
        Options options = new Options();
        if (source != null && !source.isEmpty()) {
            options.set(OptionNames.SOURCEADDR, source);
            options.set(OptionNames.SOURCEADDRTON, sourceTon & 0xFF);
            options.set(OptionNames.SOURCEADDRNPI, sourceNpi & 0xFF);
        }
        if (sms.isBinary()) {
            options.set(OptionNames.MESSAGE, Hex.encode(sms.data()));
            options.set(OptionNames.CHARCODE, "2");
        } else {
            options.set(OptionNames.MESSAGE, sms.text());
        }
        options.set(OptionNames.DCS, dataCoding & 0xFF);
        if (!sms.header().isEmpty()) {
            options.set(OptionNames.UDH, sms.header().toHex());
        } else if (sms.concat() != null) {
            options.set(OptionNames.CONCATSMSREF, sms.concat().ref());
            options.set(OptionNames.CONCATSMSSEQ, sms.concat().seq());
            options.set(OptionNames.CONCATSMSMAX, sms.concat().max());
        }
        options.set(OptionNames.DLR, dlr(registeredDelivery));
        return options;
    }

    /** DLR for registered_delivery: 3 with intermediate notifications, 1 for a final receipt, else none. */
    private static String dlr(byte registeredDelivery) {
        if ((registeredDelivery & INTERMEDIATE_REQUESTED) != 0) {
            return "3";
        }
        return (registeredDelivery & RECEIPT_REQUESTED) != 0 ? "1" : null;
    }

    private static void destination(Options options, byte ton, byte npi, String address) {
        options.set(OptionNames.DESTADDR, address);
        options.set(OptionNames.DESTADDRTON, ton & 0xFF);
        options.set(OptionNames.DESTADDRNPI, npi & 0xFF);
    }

    private static void times(Options options, String validity, String schedule) throws RefusedRequestException {
        try {
            options.set(OptionNames.VP, SmppTimeOption.read(validity));
        } catch (IllegalArgumentException e) {
            throw new RefusedRequestException(SMPPConstant.STAT_ESME_RINVEXPIRY, e.getMessage());
        }
        try {
            options.set(OptionNames.DELTIME, SmppTimeOption.read(schedule));
        } catch (IllegalArgumentException e) {
            throw new RefusedRequestException(SMPPConstant.STAT_ESME_RINVSCHED, e.getMessage());
        }
    }

    private static void numbers(Options options, byte priority, byte protocolId) {
        if (priority != 0) {
            options.set(OptionNames.PRIORITY, priority & 0xFF);
        }
        if (protocolId != 0) {
            options.set(OptionNames.PROTOCOLID, protocolId & 0xFF);
        }
    }
}
