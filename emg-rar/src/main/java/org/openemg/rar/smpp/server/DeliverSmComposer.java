package org.openemg.rar.smpp.server;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import org.jsmpp.PDUStringException;
import org.jsmpp.bean.OptionalParameter;
import org.jsmpp.util.DefaultComposer;
import org.jsmpp.util.PDUComposer;
import org.openemg.core.dlr.DeliveryReport;
import org.openemg.core.message.OptionNames;
import org.openemg.core.message.Options;
import org.openemg.core.receipt.DeliveryReceiptText;
import org.openemg.core.receipt.ReceiptState;
import org.openemg.core.text.EncodedSms;
import org.openemg.core.text.SmsEncoder;
import org.openemg.rar.api.OutgoingMessage;
import org.openemg.rar.smpp.client.SmppAddress;
import org.openemg.rar.smpp.client.SubmitSmComposer;

/**
 * Maps a message routed to a bound client to the octets of a deliver_sm. An SMS (an MO, or a message
 * of another client) goes as its stored part is encoded; a DLR (MSGTYPE=5) goes as a receipt: esm_class
 * 0x04 (0x20 for an intermediate one: ENROUTE, ACCEPTD, UNKNOWN), the receipt text of spec section 4 and the TLVs receipted_message_id and message_state. Thread-safe.
 */
final class DeliverSmComposer {


    private static final byte RECEIPT_ESM_CLASS = 0x04;
    private static final byte INTERMEDIATE_ESM_CLASS = 0x20;
    private static final DateTimeFormatter OPTION_FORMAT = DateTimeFormatter.ofPattern("uuuuMMddHHmmss");

    private final PDUComposer composer = new DefaultComposer();
    private final Clock clock;

    DeliverSmComposer(Clock clock) {
        this.clock = clock;
    }

    /**
     * @throws PDUStringException       when an address does not fit its field
     * @throws IllegalArgumentException (a GatewayException among them) when the options make no SMS
     */
    byte[] compose(int sequenceNumber, OutgoingMessage message) throws PDUStringException {
        Options options = message.options();
        return DeliveryReport.MSGTYPE_DLR.equals(options.get(OptionNames.MSGTYPE)) ? receipt(sequenceNumber, options)
                : sms(sequenceNumber, options);
    }

    private byte[] sms(int sequenceNumber, Options options) throws PDUStringException {
        SmppAddress source = SmppAddress.source(options);
        SmppAddress destination = SmppAddress.destination(options);
        EncodedSms sms = SmsEncoder.encode(options);
        byte[] shortMessage = sms.messagePayload() != null || sms.shortMessage() == null ? new byte[0] : sms.shortMessage();
        return composer.deliverSm(sequenceNumber, "", source.ton(), source.npi(), source.address(), destination.ton(),
                destination.npi(), destination.address(), sms.esmClass(),
                (byte) options.getInt(OptionNames.PROTOCOLID, 0), (byte) 0, (byte) 0, sms.dataCoding(), shortMessage,
                SubmitSmComposer.tlvs(sms));
    }

    private byte[] receipt(int sequenceNumber, Options options) throws PDUStringException {
        String id = options.getOrDefault(OptionNames.ORIGID, "");
        ReceiptState state = ReceiptState.fromMessageStateOption(options.get(OptionNames.MESSAGESTATE))
                .orElse(ReceiptState.UNKNOWN);
        Instant done = instant(options.get(OptionNames.DONEDATE), clock.instant());
        Instant submitted = instant(options.get(OptionNames.SUBMITDATE), done);
        String text = DeliveryReceiptText.format(id, state, submitted, done, options.get(OptionNames.SMSCERROR),
                options.get(OptionNames.MESSAGE));
        return composer.deliverSm(sequenceNumber, "", (byte) options.getInt(OptionNames.SOURCEADDRTON, 0),
                (byte) options.getInt(OptionNames.SOURCEADDRNPI, 0), options.getOrDefault(OptionNames.SOURCEADDR, ""),
                (byte) options.getInt(OptionNames.DESTADDRTON, 0), (byte) options.getInt(OptionNames.DESTADDRNPI, 0),
                options.getOrDefault(OptionNames.DESTADDR, ""),
                state.messageState().isFinal() ? RECEIPT_ESM_CLASS : INTERMEDIATE_ESM_CLASS, (byte) 0, (byte) 0, (byte) 0, (byte) 0,
                text.getBytes(StandardCharsets.ISO_8859_1),
                new OptionalParameter.Receipted_message_id(id),
                new OptionalParameter.Message_state((byte) state.tlvValue()));
    }

    /** An absent or unreadable date is taken as {@code fallback}: the receipt still goes out. */
    private static Instant instant(String option, Instant fallback) {
        if (option == null || option.isBlank()) {
            return fallback;
        }
        try {
            return LocalDateTime.parse(option.trim(), OPTION_FORMAT).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            return fallback;
        }
    }
}
