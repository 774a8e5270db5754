package org.openemg.it;

import java.io.IOException;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.nio.charset.StandardCharsets;
import org.jsmpp.bean.Alphabet;
import org.jsmpp.bean.BroadcastSm;
import org.jsmpp.bean.ESMClass;
import org.jsmpp.bean.GSMSpecificFeature;
import org.jsmpp.bean.GeneralDataCoding;
import org.jsmpp.bean.MessageMode;
import org.jsmpp.bean.MessageType;
import org.jsmpp.bean.NumberingPlanIndicator;
import org.jsmpp.bean.RegisteredDelivery;
import org.jsmpp.bean.TypeOfNumber;
import org.jsmpp.bean.CancelBroadcastSm;
import org.jsmpp.bean.CancelSm;
import org.jsmpp.bean.DataSm;
import org.jsmpp.bean.QueryBroadcastSm;
import org.jsmpp.bean.QuerySm;
import org.jsmpp.bean.ReplaceSm;
import org.jsmpp.bean.SubmitMulti;
import org.jsmpp.bean.SubmitSm;
import org.jsmpp.extra.ProcessRequestException;
import org.jsmpp.session.BindRequest;
import org.jsmpp.session.BroadcastSmResult;
import org.jsmpp.session.DataSmResult;
import org.jsmpp.session.QueryBroadcastSmResult;
import org.jsmpp.session.QuerySmResult;
import org.jsmpp.session.SMPPServerSession;
import org.jsmpp.session.SMPPServerSessionListener;
import org.jsmpp.session.ServerMessageReceiverListener;
import org.jsmpp.session.Session;
import org.jsmpp.session.SubmitMultiResult;
import org.jsmpp.session.SubmitSmResult;
import org.jsmpp.util.MessageId;

/**
 * An operator's SMSC for the integration tests, written with jSMPP's server side. The gateway binds
 * to it (smpp-out in the test EMGDIR); it records every submit_sm and can be told to refuse
 * submits or drop the connection.
 */
final class SmscSimulator implements ServerMessageReceiverListener {

    private static SmscSimulator instance;

    /** The one simulator of the test JVM, on the port the build reserved for smpp-out. */
    static synchronized SmscSimulator shared() throws IOException {
        if (instance == null) {
            instance = new SmscSimulator(Integer.getInteger("it.smsc.port"));
        }
        return instance;
    }

    private final SMPPServerSessionListener listener;
    private final ExecutorService acceptor = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "smsc-simulator");
        t.setDaemon(true);
        return t;
    });
    private final List<SMPPServerSession> sessions = new CopyOnWriteArrayList<>();
    private final Queue<SubmitSm> received = new ConcurrentLinkedQueue<>();
    private final AtomicLong nextId = new AtomicLong(0x1000);
    private final AtomicInteger refuseNext = new AtomicInteger();
    private final AtomicInteger dropAfter = new AtomicInteger(-1);
    private volatile int refuseStatus;
    private volatile boolean receiptBeforeResponse;

    private SmscSimulator(int port) throws IOException {
        listener = new SMPPServerSessionListener(port);
        listener.setMessageReceiverListener(this);
        acceptor.execute(this::acceptLoop);
    }

    private void acceptLoop() {
        while (true) {
            try {
                SMPPServerSession session = listener.accept();
                acceptor.execute(() -> bind(session));
            } catch (IOException e) {
                return;
            }
        }
    }

    private void bind(SMPPServerSession session) {
        try {
            BindRequest request = session.waitForBind(10_000);
            if ("gateway".equals(request.getSystemId()) && "smscpass".equals(request.getPassword())) {
                request.accept("SIMSC");
                sessions.add(session);
            } else {
                request.reject(0x0E);
            }
        } catch (Exception e) {
            session.close();
        }
    }

    int boundSessions() {
        sessions.removeIf(s -> !s.getSessionState().isBound());
        return sessions.size();
    }

    /** Answers the next {@code count} submits with {@code status} instead of accepting them. */
    void refuseNext(int count, int status) {
        refuseStatus = status;
        refuseNext.set(count);
    }

    /** Closes every session once {@code count} more submits have been answered. */
    void dropConnectionsAfter(int count) {
        dropAfter.set(count);
    }

    /** Sends each requested receipt before answering its submit_sm, instead of just after. */
    void receiptBeforeResponse(boolean before) {
        receiptBeforeResponse = before;
    }

    List<SubmitSm> received() {
        return List.copyOf(received);
    }

    /** The submits to one destination, in arrival order. */
    List<SubmitSm> receivedFor(String destination) {
        return received.stream().filter(s -> destination.equals(s.getDestAddress())).toList();
    }

    @Override
    public SubmitSmResult onAcceptSubmitSm(SubmitSm submit, SMPPServerSession session) throws ProcessRequestException {
        if (refuseNext.getAndUpdate(n -> n > 0 ? n - 1 : 0) > 0) {
            throw new ProcessRequestException("refused by test", refuseStatus);
        }
        int drop = dropAfter.getAndUpdate(n -> n >= 0 ? n - 1 : n);
        if (drop == 0) {
            sessions.forEach(SMPPServerSession::close);
            throw new ProcessRequestException("connection dropped by test", 0x08);
        }
        received.add(submit);
        long id = nextId.incrementAndGet();
        if ((submit.getRegisteredDelivery() & 0x01) != 0) {
            if (receiptBeforeResponse) {
                sendReceipt(session, submit, id);
            } else {
                acceptor.execute(() -> sendReceipt(session, submit, id));
            }
        }
        try {
            // hex in the response, decimal with leading zeros in the receipt: the gateway must match both
            return new SubmitSmResult(new MessageId(Long.toHexString(id).toUpperCase()), null);
        } catch (Exception e) {
            throw new ProcessRequestException(e.getMessage(), 0x08);
        }
    }

    private final Queue<Exception> receiptFailures = new ConcurrentLinkedQueue<>();

    /** Receipts the gateway did not take (refused, or the link failed). */
    List<Exception> receiptFailures() {
        return List.copyOf(receiptFailures);
    }

    private void sendReceipt(SMPPServerSession session, SubmitSm submit, long id) {
        String text = String.format("id:%010d sub:001 dlvrd:001 submit date:2611251200 done date:2611251201 stat:DELIVRD err:000 text:", id);
        try {
            session.deliverShortMessage("", TypeOfNumber.valueOf(submit.getDestAddrTon()),
                    NumberingPlanIndicator.valueOf(submit.getDestAddrNpi()), submit.getDestAddress(),
                    TypeOfNumber.valueOf(submit.getSourceAddrTon()), NumberingPlanIndicator.valueOf(submit.getSourceAddrNpi()),
                    submit.getSourceAddr(), new ESMClass(MessageMode.DEFAULT, MessageType.SMSC_DEL_RECEIPT, GSMSpecificFeature.DEFAULT),
                    (byte) 0, (byte) 0, new RegisteredDelivery(0), new GeneralDataCoding(Alphabet.ALPHA_DEFAULT),
                    text.getBytes(StandardCharsets.ISO_8859_1));
        } catch (Exception e) {
            receiptFailures.add(e);
        }
    }

    @Override
    public SubmitMultiResult onAcceptSubmitMulti(SubmitMulti submitMulti, SMPPServerSession source) throws ProcessRequestException {
        throw new ProcessRequestException("not supported", 0x03);
    }

    @Override
    public QuerySmResult onAcceptQuerySm(QuerySm querySm, SMPPServerSession source) throws ProcessRequestException {
        throw new ProcessRequestException("not supported", 0x03);
    }

    @Override
    public void onAcceptReplaceSm(ReplaceSm replaceSm, SMPPServerSession source) throws ProcessRequestException {
        throw new ProcessRequestException("not supported", 0x03);
    }

    @Override
    public void onAcceptCancelSm(CancelSm cancelSm, SMPPServerSession source) throws ProcessRequestException {
        throw new ProcessRequestException("not supported", 0x03);
    }

    @Override
    public BroadcastSmResult onAcceptBroadcastSm(BroadcastSm broadcastSm, SMPPServerSession source) throws ProcessRequestException {
        throw new ProcessRequestException("not supported", 0x03);
    }

    @Override
    public void onAcceptCancelBroadcastSm(CancelBroadcastSm cancelBroadcastSm, SMPPServerSession source) throws ProcessRequestException {
        throw new ProcessRequestException("not supported", 0x03);
    }

    @Override
    public QueryBroadcastSmResult onAcceptQueryBroadcastSm(QueryBroadcastSm queryBroadcastSm, SMPPServerSession source) throws ProcessRequestException {
        throw new ProcessRequestException("not supported", 0x03);
    }

    @Override
    public DataSmResult onAcceptDataSm(DataSm dataSm, Session source) throws ProcessRequestException {
        throw new ProcessRequestException("not supported", 0x03);
    }
}
