package org.openemg.rar.smtp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.InputStream;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.openemg.rar.work.ResultsOnly;
import org.openemg.rar.work.ThreadPerTask;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openemg.core.config.Endpoint;
import org.openemg.core.message.Options;
import org.openemg.rar.api.OutgoingMessage;
import org.openemg.rar.api.SendOutcome;
import org.openemg.rar.api.SendResult;
import org.subethamail.smtp.MessageHandler;
import org.subethamail.smtp.RejectException;
import org.subethamail.smtp.server.SMTPServer;

class SmtpRelayTest {

    @RegisterExtension
    static final GreenMailExtension MAIL_SERVER = new GreenMailExtension(new ServerSetup(0, "127.0.0.1", "smtp"));

    private final LinkedBlockingQueue<SendResult> results = new LinkedBlockingQueue<>();
    private final List<SmtpRelay> relays = new ArrayList<>();
    private SMTPServer refusingServer;

    @AfterEach
    void stop() {
        relays.forEach(SmtpRelay::stop);
        if (refusingServer != null) {
            refusingServer.stop();
        }
    }

    private SmtpRelay relay(int port) {
        SmtpRelay relay = new SmtpRelay(new OutgoingSmtpSettings("smtp-out", new Endpoint("127.0.0.1", port), "sms.example.com",
                Optional.empty(), Optional.empty(), 1), new ResultsOnly((connector, sent) -> results.addAll(sent)), new ThreadPerTask());
        relays.add(relay);
        relay.start();
        return relay;
    }

    private SendResult nextResult() throws InterruptedException {
        SendResult result = results.poll(20, TimeUnit.SECONDS);
        assertNotNull(result, "no send result within 20 s");
        return result;
    }

    private static OutgoingMessage mo(long id, String text) {
        return new OutgoingMessage(id, new Options().set("SOURCEADDR", "46701234567").set("DESTADDR", "72000")
                .set("MESSAGE", text).set("CONNECTOR", "smpp-out"));
    }

    @Test
    void messagesBecomeMailsAndAreDelivered() throws Exception {
        SmtpRelay relay = relay(MAIL_SERVER.getSmtp().getPort());
        relay.send(List.of(mo(1, "first ✓"), mo(2, "second")));
        assertEquals(new SendResult(1, SendOutcome.DELIVERED, 0, null), nextResult());
        assertEquals(new SendResult(2, SendOutcome.DELIVERED, 0, null), nextResult());
        MimeMessage[] received = MAIL_SERVER.getReceivedMessages();
        assertEquals(2, received.length);
        assertEquals("46701234567@sms.example.com", received[0].getFrom()[0].toString());
        assertEquals("72000@sms.example.com", received[0].getAllRecipients()[0].toString());
        assertEquals("first ✓", ((String) received[0].getContent()).strip());
        assertEquals("smpp-out", received[0].getHeader("X-EMG-Option-CONNECTOR", null));
    }

    @Test
    void aTemporaryRefusalIsRetriedAndAPermanentOneFails() throws Exception {
        AtomicInteger attempts = new AtomicInteger();
        refusingServer = new SMTPServer.Builder().bindAddress(java.net.InetAddress.getLoopbackAddress()).port(0)
                .messageHandlerFactory(context -> new MessageHandler() {
                    @Override
                    public void from(String from) {
                    }

                    @Override
                    public void recipient(String recipient) throws RejectException {
                        if (recipient.startsWith("666@")) {
                            throw new RejectException(550, "5.1.1 No such user");
                        }
                    }

                    @Override
                    public String data(InputStream data) throws RejectException, IOException {
                        data.readAllBytes();
                        if (attempts.incrementAndGet() == 1) {
                            throw new RejectException(451, "4.3.0 Try again later");
                        }
                        return null;
                    }

                    @Override
                    public void done() {
                    }
                }).build();
        refusingServer.start();
        SmtpRelay relay = relay(refusingServer.getPortAllocated());
        relay.send(List.of(mo(10, "refused once")));
        assertEquals(SendOutcome.RETRY, nextResult().outcome());
        relay.send(List.of(mo(10, "refused once")));
        assertEquals(new SendResult(10, SendOutcome.DELIVERED, 0, null), nextResult());
        OutgoingMessage unknownUser = new OutgoingMessage(11, new Options().set("DESTADDR", "666").set("MESSAGE", "x"));
        relay.send(List.of(unknownUser));
        assertEquals(new SendResult(11, SendOutcome.REJECTED, 0, null), nextResult());
        assertEquals(2, attempts.get());
    }

    @Test
    void anUnreachableServerHandsMessagesBackAndPauses() throws Exception {
        int closedPort;
        try (ServerSocket probe = new ServerSocket(0)) {
            closedPort = probe.getLocalPort();
        }
        SmtpRelay relay = relay(closedPort);
        assertEquals(1, relay.readyCount());
        relay.send(List.of(mo(20, "a"), mo(21, "b")));
        assertEquals(new SendResult(20, SendOutcome.LINK_LOST, 0, null), nextResult());
        assertEquals(new SendResult(21, SendOutcome.LINK_LOST, 0, null), nextResult());
    }

    @Test
    void aMessageWithoutDestinationFailsWithoutTouchingTheServer() throws Exception {
        SmtpRelay relay = relay(MAIL_SERVER.getSmtp().getPort());
        relay.send(List.of(new OutgoingMessage(30, new Options().set("MESSAGE", "nowhere"))));
        assertEquals(new SendResult(30, SendOutcome.REJECTED, 0, null), nextResult());
        assertEquals(0, MAIL_SERVER.getReceivedMessages().length);
    }

    @Test
    void stoppingAnswersWhatIsStillQueued() throws Exception {
        SmtpRelay relay = new SmtpRelay(new OutgoingSmtpSettings("smtp-out", new Endpoint("127.0.0.1", 1), "x.example",
                Optional.empty(), Optional.empty(), 1), new ResultsOnly((connector, sent) -> results.addAll(sent)), new ThreadPerTask());
        relay.send(List.of(mo(40, "never started")));
        relay.stop();
        assertEquals(new SendResult(40, SendOutcome.LINK_LOST, 0, null), nextResult());
    }
}
