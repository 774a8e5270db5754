package org.openemg.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.jsmpp.bean.BindType;
import org.jsmpp.bean.DeliverSm;
import org.jsmpp.bean.SubmitSm;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openemg.testkit.EsmeClient;
import org.openemg.testkit.Eventually;
import org.openemg.testkit.GatewayHttp;
import org.openemg.testkit.SmscSimulator;

/**
 * An id is a promise: messages answered with ids survive kill -9 of the server and are sent once after the restart;
 * so does a DLR waiting for its client to bind.
 */
@ExtendWith(SmscSimulatorExtension.class)
class CrashRecoveryIT {

    private static StandaloneGateway gateway;
    private SmscSimulator smsc;

    @BeforeAll
    static void startGateway() throws Exception {
        gateway = new StandaloneGateway("crash");
        gateway.start();
    }

    @AfterAll
    static void stopGateway() {
        if (gateway != null) {
            gateway.stop();
        }
    }

    @Test
    void acceptedMessagesSurviveKillNineAndAreSentOnceAfterTheRestart() throws Exception {
        List<String> destinations = IntStream.range(0, 200).mapToObj(i -> Recipients.fresh()).toList();
        GatewayHttp.Params params = GatewayHttp.params().add("USERNAME", "alice").add("PASSWORD", "secret")
                .add("DELTIME", "15").add("MESSAGE", "survives a crash");
        destinations.forEach(d -> params.add("DESTADDR", d));
        HttpResponse<String> response = gateway.http().post("/bin/send", params);
        assertEquals(200, response.statusCode(), response.body());
        List<Long> ids = response.body().lines().map(Long::parseLong).toList();
        assertEquals(200, ids.size());

        gateway.crash();
        gateway.start();

        assertTrue(Eventually.within(Duration.ofSeconds(120),
                () -> destinations.stream().allMatch(d -> smsc.acceptedFor(d).size() >= 1)), "all 200 sent after the restart");
        assertTrue(Eventually.quietFor(Duration.ofSeconds(2), Duration.ofSeconds(60), () -> smsc.accepted().size()),
                "no more submits: a resend would come within a retry delay");
        destinations.forEach(d -> assertEquals(1, smsc.acceptedFor(d).size(), "sent once: " + d));

        HttpResponse<String> after = gateway.http().post("/bin/send", GatewayHttp.params().add("USERNAME", "alice")
                .add("PASSWORD", "secret").add("DESTADDR", Recipients.fresh()).add("MESSAGE", "after the crash"));
        long next = Long.parseLong(after.body().strip());
        assertTrue(ids.stream().allMatch(id -> id < next), "ids are not reused after a crash: " + next);
    }

    @Test
    void submitsUnansweredAtKillNineAreTheOnlyOnesSentTwiceAndTheLogNamesThem() throws Exception {
        int answeredFirst = 60;
        int held = StandaloneGateway.BINDS * StandaloneGateway.WINDOW;
        AtomicInteger arrived = new AtomicInteger();
        smsc.answerSubmits(submit -> arrived.incrementAndGet() <= answeredFirst ? 0 : SmscSimulator.NO_ANSWER);
        List<String> destinations = IntStream.range(0, 300).mapToObj(i -> Recipients.fresh()).toList();
        GatewayHttp.Params params = GatewayHttp.params().add("USERNAME", "alice").add("PASSWORD", "secret")
                .add("MESSAGE", "in flight at the crash");
        destinations.forEach(d -> params.add("DESTADDR", d));
        HttpResponse<String> response = gateway.http().post("/bin/send", params);
        assertEquals(200, response.statusCode(), response.body());
        List<Long> ids = response.body().lines().map(Long::parseLong).toList();

        assertTrue(Eventually.within(Duration.ofSeconds(60), () -> smsc.submits().size() >= answeredFirst + held),
                () -> "every bind's window filled: " + smsc.submits().size());
        assertTrue(Eventually.quietFor(Duration.ofSeconds(2), Duration.ofSeconds(30), () -> smsc.submits().size()),
                "the windows stay full");
        assertEquals(answeredFirst + held, smsc.submits().size(), "no bind sends beyond its window");
        gateway.crash();
        smsc.answerSubmits(submit -> 0);
        gateway.start();

        assertTrue(Eventually.within(Duration.ofSeconds(120),
                () -> destinations.stream().allMatch(d -> smsc.acceptedFor(d).size() >= 1)), "all 300 sent after the restart");
        assertTrue(Eventually.quietFor(Duration.ofSeconds(2), Duration.ofSeconds(60), () -> smsc.submits().size()),
                "no more submits");
        Map<String, Long> sends = smsc.submits().stream()
                .collect(Collectors.groupingBy(SubmitSm::getDestAddress, Collectors.counting()));
        List<String> twice = destinations.stream().filter(d -> sends.get(d) > 1).toList();
        assertTrue(destinations.stream().allMatch(d -> sends.get(d) <= 2), "nothing sent three times: " + sends);
        assertTrue(twice.size() <= held, "at most the windows are sent again: " + twice.size());
        List<String> log = gateway.serverLog();
        for (String destination : twice) {
            long id = ids.get(destinations.indexOf(destination));
            assertTrue(log.stream().anyMatch(line -> line.contains("message " + id + " ")
                            && line.contains(" to " + destination + " ") && line.contains("may have been sent twice")),
                    "the log names message " + id + " to " + destination);
        }
    }

    @Test
    void aDlrWaitingForItsReceiverLeavesWhenItBindsAfterARestart() throws Exception {
        String id;
        try (EsmeClient transmitter = EsmeClient.bind(StandaloneGateway.HOST, gateway.smppInPort(), BindType.BIND_TX,
                "acme", "secret")) {
            id = transmitter.submit("4612", Recipients.fresh(), (byte) 0,
                    "report after a restart".getBytes(StandardCharsets.ISO_8859_1), true);
        }
        assertTrue(Eventually.within(Duration.ofSeconds(60), () -> gateway.operator().status(id).contains("DLRSTATE=QUEUED")),
                () -> "the DLR waits for acme's receiver: " + gateway.operator().status(id));

        gateway.crash();
        gateway.start();
        try (EsmeClient receiver = EsmeClient.bind(StandaloneGateway.HOST, gateway.smppInPort(), BindType.BIND_RX,
                "acme", "secret")) {
            DeliverSm receipt = SmppServerIT.nextReceiptOf(receiver, id);
            assertTrue(new String(receipt.getShortMessage(), StandardCharsets.ISO_8859_1).startsWith("id:" + id + " "));
            // bound until the deliver_sm_resp is recorded: an unbind before it leaves the DLR to be sent again
            assertTrue(Eventually.within(Duration.ofSeconds(60), () -> gateway.operator().status(id).contains("DLRSTATE=DELIVERED")),
                    () -> gateway.operator().status(id));
        }
    }
}
