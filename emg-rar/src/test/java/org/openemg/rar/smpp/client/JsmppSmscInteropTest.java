package org.openemg.rar.smpp.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.jsmpp.bean.BroadcastSm;
import org.jsmpp.bean.CancelBroadcastSm;
import org.jsmpp.bean.CancelSm;
import org.jsmpp.bean.DataSm;
import org.jsmpp.bean.ESMClass;
import org.jsmpp.bean.GeneralDataCoding;
import org.jsmpp.bean.NumberingPlanIndicator;
import org.jsmpp.bean.OptionalParameter;
import org.jsmpp.bean.QueryBroadcastSm;
import org.jsmpp.bean.QuerySm;
import org.jsmpp.bean.RegisteredDelivery;
import org.jsmpp.bean.ReplaceSm;
import org.jsmpp.bean.SubmitMulti;
import org.jsmpp.bean.SubmitSm;
import org.jsmpp.bean.TypeOfNumber;
import org.jsmpp.extra.NegativeResponseException;
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
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openemg.core.message.OptionNames;
import org.openemg.core.message.Options;
import org.openemg.core.config.BindMode;
import org.openemg.rar.api.SendOutcome;
import org.openemg.rar.api.OutgoingMessage;
import org.openemg.rar.api.SendResult;
import org.openemg.rar.work.ThreadPerTask;
import org.openemg.testkit.Eventually;

/** The client against jSMPP's own SMSC session, an implementation independent of ours. */
class JsmppSmscInteropTest {

    private final CollectedResults results = new CollectedResults();
    private final BlockingQueue<SMPPServerSession> sessions = new LinkedBlockingQueue<>();
    private final Set<String> texts = ConcurrentHashMap.newKeySet();
    private final AtomicInteger ids = new AtomicInteger();
    private SMPPServerSessionListener listener;
    private SmppClientConnector connector;
    private volatile int deliverStatus;

    @AfterEach
    void cleanUp() throws Exception {
        if (connector != null) {
            connector.stop();
        }
        if (listener != null) {
            listener.close();
        }
    }

    @Test
    void submitsAndDeliversAgainstJsmppSmsc() throws Exception {
        int port;
        try (ServerSocket reserved = new ServerSocket(0)) {
            port = reserved.getLocalPort();
        }
        listener = new SMPPServerSessionListener(port);
        listener.setQueueCapacity(100);
        listener.setMessageReceiverListener(new Smsc());
        Thread acceptor = new Thread(this::accept, "jsmpp-accept");
        acceptor.setDaemon(true);
        acceptor.start();

        connector = new SmppClientConnector(new OutgoingSmppSettings("out2", "127.0.0.1", port, 2,
                BindMode.TRANSCEIVER, "emg", "secret", "", 20, 30), results,
                (name, group) -> group.stream().map(sm -> deliverStatus).toList(), new ThreadPerTask());
        connector.start();
        SMPPServerSession first = sessions.poll(30, TimeUnit.SECONDS);
        assertNotNull(first);
        assertNotNull(sessions.poll(30, TimeUnit.SECONDS));
        assertTrue(Eventually.within(Duration.ofSeconds(30), () -> connector.boundCount() == 2), "not bound");

        List<OutgoingMessage> batch = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            batch.add(request(i, "interop " + i));
        }
        batch.add(request(300, "bad"));
        connector.submit(batch);
        results.awaitCount(301);

        assertEquals(new SendResult(300, SendOutcome.REJECTED, 0x0B, null), results.get(300));
        assertEquals(300, results.all().stream().filter(r -> r.outcome() == SendOutcome.ACCEPTED)
                .map(SendResult::remoteId).distinct().count());
        assertEquals(300, texts.size());

        deliver(first);
        deliverStatus = 0x08;
        NegativeResponseException refused = assertThrows(NegativeResponseException.class, () -> deliver(first));
        assertEquals(0x08, refused.getCommandStatus());
    }

    private void deliver(SMPPServerSession session) throws Exception {
        session.deliverShortMessage("", TypeOfNumber.INTERNATIONAL, NumberingPlanIndicator.ISDN, "46700000001",
                TypeOfNumber.ALPHANUMERIC, NumberingPlanIndicator.UNKNOWN, "EMG", new ESMClass(4), (byte) 0,
                (byte) 0, new RegisteredDelivery(0), new GeneralDataCoding(),
                "id:1 stat:DELIVRD".getBytes(StandardCharsets.US_ASCII),
                new OptionalParameter.Receipted_message_id("1"));
    }

    private void accept() {
        try {
            while (true) {
                SMPPServerSession session = listener.accept();
                BindRequest bind = session.waitForBind(10_000);
                assertEquals("secret", bind.getPassword());
                bind.accept("SIM");
                sessions.add(session);
            }
        } catch (Exception e) {
            // listener closed
        }
    }

    private static OutgoingMessage request(long id, String text) {
        return new OutgoingMessage(id, StoredPart.of(new Options().set(OptionNames.SOURCEADDR, "EMG")
                .set(OptionNames.DESTADDR, "+46700000" + id).set(OptionNames.MESSAGE, text)));
    }

    private final class Smsc implements ServerMessageReceiverListener {

        @Override
        public SubmitSmResult onAcceptSubmitSm(SubmitSm submitSm, SMPPServerSession source)
                throws ProcessRequestException {
            String text = new String(submitSm.getShortMessage(), StandardCharsets.ISO_8859_1);
            if (text.equals("bad")) {
                throw new ProcessRequestException("bad destination", 0x0B);
            }
            texts.add(text);
            try {
                return new SubmitSmResult(new MessageId(Integer.toString(ids.incrementAndGet())),
                        new OptionalParameter[0]);
            } catch (Exception e) {
                throw new ProcessRequestException(e.getMessage(), 0x08);
            }
        }

        @Override
        public SubmitMultiResult onAcceptSubmitMulti(SubmitMulti submitMulti, SMPPServerSession source)
                throws ProcessRequestException {
            throw new ProcessRequestException("unsupported", 0x03);
        }

        @Override
        public QuerySmResult onAcceptQuerySm(QuerySm querySm, SMPPServerSession source) throws ProcessRequestException {
            throw new ProcessRequestException("unsupported", 0x03);
        }

        @Override
        public void onAcceptReplaceSm(ReplaceSm replaceSm, SMPPServerSession source) throws ProcessRequestException {
            throw new ProcessRequestException("unsupported", 0x03);
        }

        @Override
        public void onAcceptCancelSm(CancelSm cancelSm, SMPPServerSession source) throws ProcessRequestException {
            throw new ProcessRequestException("unsupported", 0x03);
        }

        @Override
        public BroadcastSmResult onAcceptBroadcastSm(BroadcastSm broadcastSm, SMPPServerSession source)
                throws ProcessRequestException {
            throw new ProcessRequestException("unsupported", 0x03);
        }

        @Override
        public void onAcceptCancelBroadcastSm(CancelBroadcastSm cancelBroadcastSm, SMPPServerSession source)
                throws ProcessRequestException {
            throw new ProcessRequestException("unsupported", 0x03);
        }

        @Override
        public QueryBroadcastSmResult onAcceptQueryBroadcastSm(QueryBroadcastSm queryBroadcastSm,
                                                               SMPPServerSession source) throws ProcessRequestException {
            throw new ProcessRequestException("unsupported", 0x03);
        }

        @Override
        public DataSmResult onAcceptDataSm(DataSm dataSm, Session source) throws ProcessRequestException {
            throw new ProcessRequestException("unsupported", 0x03);
        }
    }
}
