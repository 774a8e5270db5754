package org.openemg.testkit;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.jsmpp.InvalidResponseException;
import org.jsmpp.PDUException;
import org.jsmpp.SMPPConstant;
import org.jsmpp.bean.Address;
import org.jsmpp.bean.AlertNotification;
import org.jsmpp.bean.BindType;
import org.jsmpp.bean.DataCodings;
import org.jsmpp.bean.DataSm;
import org.jsmpp.bean.DeliverSm;
import org.jsmpp.bean.ESMClass;
import org.jsmpp.bean.NumberingPlanIndicator;
import org.jsmpp.bean.OptionalParameter;
import org.jsmpp.bean.RegisteredDelivery;
import org.jsmpp.bean.ReplaceIfPresentFlag;
import org.jsmpp.bean.SMSCDeliveryReceipt;
import org.jsmpp.bean.TypeOfNumber;
import org.jsmpp.extra.NegativeResponseException;
import org.jsmpp.extra.ProcessRequestException;
import org.jsmpp.extra.ResponseTimeoutException;
import org.jsmpp.session.BindParameter;
import org.jsmpp.session.DataSmResult;
import org.jsmpp.session.MessageReceiverListener;
import org.jsmpp.session.QuerySmResult;
import org.jsmpp.session.SMPPSession;
import org.jsmpp.session.Session;
import org.jsmpp.session.SubmitMultiResult;

/**
 * An SMPP client (ESME) as an enterprise application would be, on jSMPP's session classes: binds as
 * transmitter, receiver or transceiver, submits and waits for each response, and keeps every deliver_sm
 * it is sent (receipts and MO), answering it with the status a test chose.
 */
public final class EsmeClient implements AutoCloseable {

    private static final long TIMEOUT_MILLIS = 10_000;

    private final SMPPSession session = new SMPPSession();
    private final BlockingQueue<DeliverSm> delivered = new LinkedBlockingQueue<>();
    private final Consumer<DeliverSm> receiver;
    private volatile int deliverSmStatus = SMPPConstant.STAT_ESME_ROK;

    private EsmeClient(Consumer<DeliverSm> receiver) {
        this.receiver = receiver == null ? delivered::add : receiver;
    }

    /** Connects to {@code host:port} and binds; a refused bind is an IOException. */
    public static EsmeClient bind(String host, int port, BindType type, String systemId, String password)
            throws IOException {
        return bind(host, port, type, systemId, password, null);
    }

    /**
     * Binds, handing every deliver_sm to {@code receiver} instead of keeping it (a load generator counts
     * its receipts; keeping them all would only fill the heap); null keeps them for {@link #delivered}.
     */
    public static EsmeClient bind(String host, int port, BindType type, String systemId, String password,
                                  Consumer<DeliverSm> receiver) throws IOException {
        EsmeClient client = new EsmeClient(receiver);
        client.session.setTransactionTimer(TIMEOUT_MILLIS);
        client.session.setMessageReceiverListener(client.new Receiver());
        client.session.connectAndBind(host, port, new BindParameter(type, systemId, password, "",
                TypeOfNumber.UNKNOWN, NumberingPlanIndicator.UNKNOWN, null), TIMEOUT_MILLIS);
        return client;
    }

    /**
     * Tries a bind and tells how it was answered: 0 when bound (the client then unbinds at once), else the
     * bind_resp command_status; -1 when the server closed the connection without one.
     */
    public static int bindStatus(String host, int port, BindType type, String systemId, String password) {
        try (EsmeClient client = bind(host, port, type, systemId, password)) {
            return SMPPConstant.STAT_ESME_ROK;
        } catch (IOException e) {
            for (Throwable cause = e; cause != null; cause = cause.getCause()) {
                if (cause instanceof NegativeResponseException refused) {
                    return refused.getCommandStatus();
                }
            }
            return -1;
        }
    }

    public boolean isBound() {
        return session.getSessionState().isBound();
    }

    /** Submits ASCII text in the GSM default alphabet (data_coding 0); answers the message id the server gave. */
    public String submit(String source, String destination, String text) throws PDUException, ResponseTimeoutException,
            InvalidResponseException, NegativeResponseException, IOException {
        return submit(source, destination, (byte) 0, text.getBytes(StandardCharsets.US_ASCII), false);
    }

    /** Submits {@code shortMessage} as it is; with {@code receipt} a delivery receipt is requested. */
    public String submit(String source, String destination, byte dataCoding, byte[] shortMessage, boolean receipt,
                         OptionalParameter... tlvs) throws PDUException, ResponseTimeoutException,
            InvalidResponseException, NegativeResponseException, IOException {
        return submit(source, destination, dataCoding, shortMessage,
                new RegisteredDelivery(receipt ? SMSCDeliveryReceipt.SUCCESS_FAILURE : SMSCDeliveryReceipt.DEFAULT), tlvs);
    }

    /** Submits {@code shortMessage} with this registered_delivery (0x11: final receipt and intermediate notifications). */
    public String submit(String source, String destination, byte dataCoding, byte[] shortMessage,
                         RegisteredDelivery delivery, OptionalParameter... tlvs) throws PDUException,
            ResponseTimeoutException, InvalidResponseException, NegativeResponseException, IOException {
        return session.submitShortMessage("", tonOf(source), npiOf(source), source, tonOf(destination),
                npiOf(destination), destination, new ESMClass(), (byte) 0, (byte) 0, null, null, delivery, (byte) 0,
                DataCodings.newInstance(dataCoding), (byte) 0, shortMessage, tlvs).getMessageId();
    }

    /** Submits GSM text with validity_period and schedule_delivery_time as SMPP times (null: none). */
    public String submitTimed(String source, String destination, String text, String validityPeriod,
                              String scheduleDeliveryTime) throws PDUException, ResponseTimeoutException,
            InvalidResponseException, NegativeResponseException, IOException {
        return session.submitShortMessage("", tonOf(source), npiOf(source), source, tonOf(destination),
                npiOf(destination), destination, new ESMClass(), (byte) 0, (byte) 0, scheduleDeliveryTime,
                validityPeriod, new RegisteredDelivery(SMSCDeliveryReceipt.DEFAULT), (byte) 0,
                DataCodings.newInstance((byte) 0), (byte) 0, text.getBytes(StandardCharsets.US_ASCII)).getMessageId();
    }

    /** submit_multi of GSM text to several numbers; the result lists refused addresses with their status. */
    public SubmitMultiResult submitMulti(String source, String text, String... destinations) throws PDUException,
            ResponseTimeoutException, InvalidResponseException, NegativeResponseException, IOException {
        Address[] addresses = new Address[destinations.length];
        for (int i = 0; i < destinations.length; i++) {
            addresses[i] = new Address(tonOf(destinations[i]), npiOf(destinations[i]), destinations[i]);
        }
        return session.submitMultiple("", tonOf(source), npiOf(source), source, addresses, new ESMClass(), (byte) 0,
                (byte) 0, null, null, new RegisteredDelivery(SMSCDeliveryReceipt.DEFAULT), new ReplaceIfPresentFlag(0),
                DataCodings.newInstance((byte) 0), (byte) 0, text.getBytes(StandardCharsets.US_ASCII));
    }

    /** data_sm with the text in message_payload (GSM default alphabet); answers the message id. */
    public String dataSm(String source, String destination, String text) throws PDUException, ResponseTimeoutException,
            InvalidResponseException, NegativeResponseException, IOException {
        return session.dataShortMessage("", tonOf(source), npiOf(source), source, tonOf(destination),
                npiOf(destination), destination, new ESMClass(), new RegisteredDelivery(SMSCDeliveryReceipt.DEFAULT),
                DataCodings.newInstance((byte) 0),
                new OptionalParameter.Message_payload(text.getBytes(StandardCharsets.US_ASCII))).getMessageId();
    }

    public QuerySmResult query(String messageId, String source) throws PDUException, ResponseTimeoutException,
            InvalidResponseException, NegativeResponseException, IOException {
        return session.queryShortMessage(messageId, tonOf(source), npiOf(source), source);
    }

    public void cancel(String messageId, String source, String destination) throws PDUException,
            ResponseTimeoutException, InvalidResponseException, NegativeResponseException, IOException {
        session.cancelShortMessage("", messageId, tonOf(source), npiOf(source), source, tonOf(destination),
                npiOf(destination), destination);
    }

    /** replace_sm with new GSM text (the original's data_coding is kept by the server). */
    public void replace(String messageId, String source, String text) throws PDUException, ResponseTimeoutException,
            InvalidResponseException, NegativeResponseException, IOException {
        session.replaceShortMessage(messageId, tonOf(source), npiOf(source), source, null, null,
                new RegisteredDelivery(SMSCDeliveryReceipt.DEFAULT), (byte) 0, text.getBytes(StandardCharsets.US_ASCII));
    }

    /** The status every deliver_sm is answered with from now on (0 takes it). */
    public void answerDeliverSmWith(int commandStatus) {
        deliverSmStatus = commandStatus;
    }

    /** Every deliver_sm received so far, answered or refused, in arrival order. */
    public List<DeliverSm> delivered() {
        return List.copyOf(delivered);
    }

    /** Takes the oldest deliver_sm not taken yet, waiting up to {@code limit}; null if none came. */
    public DeliverSm nextDelivered(Duration limit) throws InterruptedException {
        return delivered.poll(limit.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Unbinds and closes the connection. */
    @Override
    public void close() {
        session.unbindAndClose();
    }

    private static TypeOfNumber tonOf(String address) {
        return address.chars().allMatch(Character::isDigit) ? TypeOfNumber.INTERNATIONAL : TypeOfNumber.ALPHANUMERIC;
    }

    private static NumberingPlanIndicator npiOf(String address) {
        return address.chars().allMatch(Character::isDigit) ? NumberingPlanIndicator.ISDN : NumberingPlanIndicator.UNKNOWN;
    }

    private final class Receiver implements MessageReceiverListener {

        @Override
        public void onAcceptDeliverSm(DeliverSm deliverSm) throws ProcessRequestException {
            receiver.accept(deliverSm);
            int status = deliverSmStatus;
            if (status != SMPPConstant.STAT_ESME_ROK) {
                throw new ProcessRequestException("refused by the test", status);
            }
        }

        @Override
        public void onAcceptAlertNotification(AlertNotification alertNotification) {
            // an ESME under test has no use for alerts
        }

        @Override
        public DataSmResult onAcceptDataSm(DataSm dataSm, Session source) throws ProcessRequestException {
            throw new ProcessRequestException("data_sm is not supported", SMPPConstant.STAT_ESME_RINVCMDID);
        }
    }
}
