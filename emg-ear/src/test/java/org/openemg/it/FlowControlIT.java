package org.openemg.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.jsmpp.SMPPConstant;
import org.jsmpp.bean.BindType;
import org.jsmpp.bean.SubmitSm;
import org.jsmpp.extra.NegativeResponseException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openemg.testkit.EsmeClient;
import org.openemg.testkit.Eventually;
import org.openemg.testkit.GatewayHttp;
import org.openemg.testkit.SmscSimulator;

/**
 * Flow control (issue 11): MAXQUEUESIZE refuses with status 12, THROUGHPUT paces an incoming connector's
 * submits, a FAILOVER group sends by the partner once a member's SMSC is gone, and a queue leaves in
 * PRIORITY order. The pair smpp-a/smpp-b binds to two simulators of this test's own (src/test/emgdir).
 */
class FlowControlIT extends DeployedGatewayTest {

    private static final String HOST = System.getProperty("it.host");
    private static final DateTimeFormatter EMG_TIME = DateTimeFormatter.ofPattern("yyyyMMddHHmmss");

    private static final int WARM_UP_SECONDS = 2;

    private static SmscSimulator smscA;
    private static SmscSimulator smscB;

    @BeforeAll
    static void startPairSimulators() throws Exception {
        smscA = SmscSimulator.on(Integer.getInteger("it.smsca.port")).credentials("gateway", "smscpass").start();
        smscB = SmscSimulator.on(Integer.getInteger("it.smscb.port")).credentials("gateway", "smscpass").start();
    }

    @AfterAll
    static void stopPairSimulators() throws Exception {
        smscA.close();
        smscB.close();
    }

    private static HttpResponse<String> send(String destination, String... options) throws Exception {
        GatewayHttp.Params params = GatewayHttp.params().add("USERNAME", "alice").add("PASSWORD", "secret")
                .add("DESTADDR", destination).add("MESSAGE", "flow " + destination);
        for (int i = 0; i < options.length; i += 2) {
            params.add(options[i], options[i + 1]);
        }
        return gateway.post("/bin/send", params);
    }

    private static String sent(String destination, String... options) throws Exception {
        HttpResponse<String> response = send(destination, options);
        assertEquals(200, response.statusCode(), response.body());
        assertTrue(response.body().strip().matches("\\d+"), response.body());
        return response.body().strip();
    }

    private static String number(String prefix, int i) {
        return prefix + Recipients.fresh().substring(3) + i;
    }

    @Test
    void aFullQueueRefusesWithStatus12OverHttpAndSmppAndAFallbackTakesTheMessage() throws Exception {
        // smpp-full never binds: what is routed there stays queued, at most MAXQUEUESIZE=3 parts
        for (int i = 0; i < 3; i++) {
            sent(number("4663", i));
        }
        HttpResponse<String> refused = send(number("4663", 3));
        assertEquals("ERR 12 Queue full", refused.body().strip());
        HttpResponse<String> json = gateway.post("/bin/send.json", GatewayHttp.params().add("USERNAME", "alice")
                .add("PASSWORD", "secret").add("DESTADDR", number("4663", 4)).add("MESSAGE", "json"));
        assertTrue(json.body().contains("\"status\":\"12\""), json.body());

        try (EsmeClient client = EsmeClient.bind(HOST, Integer.getInteger("it.smppin.port"), BindType.BIND_TRX,
                "acme", "secret")) {
            NegativeResponseException full = assertThrows(NegativeResponseException.class,
                    () -> client.submit("4612", number("4663", 5), "full"));
            assertEquals(SMPPConstant.STAT_ESME_RMSGQFUL, full.getCommandStatus());
        }

        String viaFallback = sent(number("4664", 6));
        assertTrue(Eventually.within(Duration.ofSeconds(20), () -> operator.status(viaFallback).contains("OUTCONNECTOR=sink")),
                () -> operator.status(viaFallback));
    }

    @Test
    void throughputPacesAnIncomingSmppConnectorWithinFivePercentOverTenSeconds() throws Exception {
        int clients = 32;
        long seconds = 10;
        List<EsmeClient> sessions = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        try {
            for (int i = 0; i < clients; i++) {
                sessions.add(EsmeClient.bind(HOST, Integer.getInteger("it.smppslow.port"), BindType.BIND_TX, "acme", "secret"));
            }
            // the first answers wait for a cold gateway: counted from two seconds in
            long start = System.nanoTime() + TimeUnit.SECONDS.toNanos(WARM_UP_SECONDS);
            long end = start + TimeUnit.SECONDS.toNanos(seconds);
            List<Future<Integer>> answered = new ArrayList<>();
            for (EsmeClient session : sessions) {
                answered.add(pool.submit(() -> {
                    int count = 0;
                    // together far faster than 50/s even when a commit takes 100 ms: each waits only for its answer
                    while (System.nanoTime() < end) {
                        session.submit("4612", "4699" + (count % 1000), "paced");
                        long answeredAt = System.nanoTime();
                        if (answeredAt >= start && answeredAt <= end) {
                            count++;
                        }
                    }
                    return count;
                }));
            }
            int total = 0;
            for (Future<Integer> f : answered) {
                total += f.get(WARM_UP_SECONDS + seconds + 30, TimeUnit.SECONDS);
            }
            double rate = total / (double) seconds;
            System.out.printf("THROUGHPUT=50 on smpp-slow: %d submits answered in %d s (after %d s) by %d sessions, %.2f/s%n",
                    total, seconds, WARM_UP_SECONDS, clients, rate);
            assertEquals(50.0, rate, 2.5, "within 5% of THROUGHPUT");
        } finally {
            pool.shutdownNow();
            sessions.forEach(EsmeClient::close);
        }
    }

    @Test
    void whenOneSmscOfAFailoverGroupDropsItsBindsThePartnerSendsEverythingNoneLost() throws Exception {
        assertTrue(Eventually.within(Duration.ofSeconds(45), () -> smscA.boundLinks() >= 1 && smscB.boundLinks() >= 1),
                "smpp-a and smpp-b bound");
        List<String> before = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            before.add(number("4661", i));
            sent(before.get(i));
        }
        assertTrue(Eventually.within(Duration.ofSeconds(20), () -> before.stream().allMatch(d -> smscA.acceptedFor(d).size() == 1)),
                "the first member sends while it is up");
        assertTrue(before.stream().allMatch(d -> smscB.acceptedFor(d).isEmpty()));

        // the next submits stay unanswered at A, then A goes away with them in flight
        smscA.answerSubmits(sm -> SmscSimulator.NO_ANSWER);
        List<String> inFlight = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            inFlight.add(number("4661", 10 + i));
            sent(inFlight.get(i));
        }
        assertTrue(Eventually.within(Duration.ofSeconds(20), () -> smscA.submits().size() >= 10), "sent to A, unanswered");
        smscA.close();

        List<String> after = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            after.add(number("4661", 20 + i));
            sent(after.get(i));
        }
        List<String> moved = new ArrayList<>(inFlight);
        moved.addAll(after);
        assertTrue(Eventually.within(Duration.ofSeconds(20), () -> moved.stream().allMatch(d -> smscB.acceptedFor(d).size() == 1)),
                () -> "at B: " + moved.stream().filter(d -> smscB.acceptedFor(d).size() == 1).count() + " of " + moved.size());
    }

    @Test
    void aQueueLeavesInPriorityOrder() throws Exception {
        assertTrue(Eventually.within(Duration.ofSeconds(45), () -> smscB.boundLinks() >= 1), "smpp-b bound");
        // one due time for all (DELTIME has whole seconds), so they wait in the table and are claimed together
        String due = ZonedDateTime.now(ZoneOffset.UTC).plusSeconds(4).format(EMG_TIME);
        int[] priorities = {0, 2, 1, 3, 0, 3, 1, 2};
        List<String> destinations = new ArrayList<>();
        for (int i = 0; i < priorities.length; i++) {
            destinations.add(number("4662", i));
            sent(destinations.get(i), "DELTIME", due, "PRIORITY", Integer.toString(priorities[i]));
        }
        assertTrue(Eventually.within(Duration.ofSeconds(20),
                () -> destinations.stream().allMatch(d -> smscB.acceptedFor(d).size() == 1)), "all sent");
        List<Integer> order = new ArrayList<>();
        for (SubmitSm submit : smscB.accepted()) {
            int at = destinations.indexOf(submit.getDestAddress());
            if (at >= 0) {
                order.add(priorities[at]);
            }
        }
        assertEquals(List.of(3, 3, 2, 2, 1, 1, 0, 0), order);
        List<String> samePriority = new ArrayList<>();
        for (SubmitSm submit : smscB.accepted()) {
            if (submit.getDestAddress().equals(destinations.get(3)) || submit.getDestAddress().equals(destinations.get(5))) {
                samePriority.add(submit.getDestAddress());
            }
        }
        assertEquals(List.of(destinations.get(3), destinations.get(5)), samePriority, "in arrival order within a priority");
    }
}
