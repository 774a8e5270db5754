package org.openemg.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openemg.testkit.CallbackServer;
import org.openemg.testkit.Eventually;
import org.openemg.testkit.GatewayHttp;

/**
 * A message routed to http-out is POSTed to its URL with its options; only a 2xx counts, and refusals are
 * retried. http-in's REDIRECT is http-out, so the DLRs its clients ask for arrive there too.
 */
class OutgoingHttpIT extends DeployedGatewayTest {

    private static final Duration ARRIVAL = Duration.ofSeconds(60);
    private static CallbackServer callbacks;

    @BeforeAll
    static void listen() throws IOException {
        callbacks = CallbackServer.on("127.0.0.1", Integer.getInteger("it.callback.port"));
    }

    @AfterAll
    static void close() {
        callbacks.close();
    }

    @BeforeEach
    void forgetEarlierCalls() {
        callbacks.reset();
    }

    private static String send(String text) throws Exception {
        return send("4696", text, "0", "46701112222");
    }

    private static String send(String prefix, String text, String dlr, String sender) throws Exception {
        HttpResponse<String> response = gateway.post("/bin/send", GatewayHttp.params()
                .add("USERNAME", "alice").add("PASSWORD", "secret").add("SOURCEADDR", sender)
                .add("DESTADDR", prefix + Recipients.fresh().substring(prefix.length())).add("MESSAGE", text)
                .add("DLR", dlr));
        assertEquals(200, response.statusCode(), response.body());
        return response.body().strip();
    }

    @Test
    void theDlrOfAMessageTheSinkDeliveredIsCalledBackToTheRedirect() throws Exception {
        String id = send("4699", "delivered by the sink", "1", "46701112222");

        assertTrue(Eventually.within(ARRIVAL, () -> callbacks.callsWith("ORIGID", id).size() == 1), "the DLR is called back");
        CallbackServer.Call dlr = callbacks.callsWith("ORIGID", id).get(0);
        assertEquals("5", dlr.parameters().get("MSGTYPE"));
        assertEquals("DELIVERED", dlr.parameters().get("MESSAGESTATE"));
        assertEquals("46701112222", dlr.parameters().get("DESTADDR"), "the DLR goes to the original's sender");
        assertEquals("alice", dlr.parameters().get("USERNAME"));
        assertTrue(Eventually.quietFor(Duration.ofMillis(1500), ARRIVAL, () -> callbacks.callsWith("ORIGID", id).size()));
        assertEquals(1, callbacks.callsWith("ORIGID", id).size(), "one DLR per message");
    }

    @Test
    void theDlrOfAReceiptFromTheSmscIsCalledBackEvenWhenRefusedFirst() throws Exception {
        String sender = Recipients.fresh();
        callbacks.refuseNext(2, 500, "DESTADDR", sender);
        String id = send("4670", "through the SMSC", "1", sender);

        assertTrue(Eventually.within(ARRIVAL, () -> callbacks.callsWith("ORIGID", id).size() == 3),
                () -> "two refusals, then the call that took it: " + callbacks.calls());
        assertEquals("DELIVERED", callbacks.callsWith("ORIGID", id).get(2).parameters().get("MESSAGESTATE"));
    }

    @Test
    void aLongMessageGetsOneDlrOnceItsLastPartIsDelivered() throws Exception {
        String id = send("4670", "long ".repeat(60), "1", Recipients.fresh());

        assertTrue(Eventually.within(ARRIVAL, () -> callbacks.callsWith("ORIGID", id).size() == 1), "the DLR is called back");
        assertEquals("DELIVERED", callbacks.callsWith("ORIGID", id).get(0).parameters().get("MESSAGESTATE"));
        assertTrue(operator.status(id).contains("STATE=DELIVERED\n"), "every part: " + operator.status(id));
        assertTrue(Eventually.quietFor(Duration.ofMillis(1500), ARRIVAL, () -> callbacks.callsWith("ORIGID", id).size()));
        assertEquals(1, callbacks.callsWith("ORIGID", id).size(), "one DLR for all parts");
    }

    @Test
    void anMoFromTheSmscRoutedToHttpOutIsCalledBack() throws Exception {
        String text = "mo for the crm " + System.nanoTime();
        String destination = "4615" + Recipients.fresh().substring(4);

        smsc.sendDeliverSm("46709999999", destination, (byte) 0, text.getBytes(StandardCharsets.ISO_8859_1));

        assertEquals(Integer.valueOf(0), smsc.deliverSmResponses().poll(30, TimeUnit.SECONDS), "kept only after the commit");
        assertTrue(Eventually.within(ARRIVAL, () -> callbacks.callsWith("MESSAGE", text).size() == 1), "the MO is called back");
        CallbackServer.Call mo = callbacks.callsWith("MESSAGE", text).get(0);
        assertEquals("46709999999", mo.parameters().get("SOURCEADDR"));
        assertEquals(destination, mo.parameters().get("DESTADDR"));
        assertEquals("smpp-out", mo.parameters().get("CONNECTOR"));
    }

    @Test
    void noDlrIsCalledBackWhenNoneWasAskedFor() throws Exception {
        String id = send("4699", "no DLR wanted", "0", "46701112222");

        assertTrue(Eventually.within(ARRIVAL, () -> operator.status(id).contains("STATE=DELIVERED")), () -> operator.status(id));
        assertTrue(Eventually.quietFor(Duration.ofMillis(1500), ARRIVAL, () -> callbacks.calls().size()));
        assertEquals(List.of(), callbacks.callsWith("ORIGID", id));
    }

    @Test
    void theUrlIsCalledWithTheMessagesOptionsAndTheMessageIsDelivered() throws Exception {
        String id = send("to a callback");

        assertTrue(Eventually.within(ARRIVAL, () -> callbacks.callsWith("ID", id).size() == 1), "the URL is called");
        CallbackServer.Call call = callbacks.callsWith("ID", id).get(0);
        assertEquals("POST", call.method());
        assertEquals("/callback", call.path());
        assertEquals("it", call.parameters().get("key"));
        assertEquals("to a callback", call.parameters().get("MESSAGE"));
        assertEquals("46701112222", call.parameters().get("SOURCEADDR"));
        assertEquals("http-in", call.parameters().get("CONNECTOR"));
        assertEquals(null, call.parameters().get("PASSWORD"));
        assertTrue(Eventually.within(ARRIVAL, () -> operator.status(id).contains("STATE=DELIVERED")), () -> operator.status(id));
    }

    @Test
    void aUrlThatRefusesTwiceIsCalledAgainUntilItTakesTheMessage() throws Exception {
        String text = "refused twice first " + System.nanoTime();
        callbacks.refuseNext(2, 503, "MESSAGE", text);
        String id = send(text);

        assertTrue(Eventually.within(ARRIVAL, () -> operator.status(id).contains("STATE=DELIVERED")), () -> operator.status(id));
        List<CallbackServer.Call> calls = callbacks.callsWith("ID", id);
        assertEquals(3, calls.size(), "two refusals, then the call that took it");
    }

    @Test
    void eachRetryWaitsTwiceAsLongAsTheOneBeforeUpToMaxAttempts() throws Exception {
        String text = "refused thrice first " + System.nanoTime();
        callbacks.refuseNext(3, 503, "MESSAGE", text);
        String id = send(text);

        assertTrue(Eventually.within(ARRIVAL, () -> operator.status(id).contains("STATE=DELIVERED")), () -> operator.status(id));
        List<CallbackServer.Call> calls = callbacks.callsWith("ID", id);
        assertEquals(4, calls.size(), "MAXATTEMPTS=4: three refusals, then the call that took it");
        // RETRYDELAY=1: about 1 s, 2 s, 4 s between the calls (the dispatcher's own delay comes on top)
        assertBetween(calls.get(0), calls.get(1), 900, 3_000);
        assertBetween(calls.get(1), calls.get(2), 1_900, 4_000);
        assertBetween(calls.get(2), calls.get(3), 3_900, 6_000);
    }

    @Test
    void aUrlThatRefusesEveryAttemptFailsTheMessageAfterMaxAttempts() throws Exception {
        String text = "always refused " + System.nanoTime();
        callbacks.refuseNext(100, 500, "MESSAGE", text);
        String id = send(text);

        assertTrue(Eventually.within(ARRIVAL, () -> operator.status(id).contains("STATE=FAILED")), () -> operator.status(id));
        assertEquals(4, callbacks.callsWith("ID", id).size(), "MAXATTEMPTS=4");
        assertTrue(operator.status(id).contains("\nMESSAGESTATE=FAILED\n"), operator.status(id));
        assertTrue(operator.status(id).contains("\nSMSCERROR=500\n"), "the URL's last answer: " + operator.status(id));
    }

    @Test
    void aMessageThatOutlivesItsValidityBeforeItsDelivertimeGetsAnExpiredDlr() throws Exception {
        String sender = Recipients.fresh();
        HttpResponse<String> response = gateway.post("/bin/send", GatewayHttp.params()
                .add("USERNAME", "alice").add("PASSWORD", "secret").add("SOURCEADDR", sender)
                .add("DESTADDR", "4699" + Recipients.fresh().substring(4)).add("MESSAGE", "too late")
                .add("DLR", "1").add("DELTIME", "3").add("VP", "1"));
        assertEquals(200, response.statusCode(), response.body());
        String id = response.body().strip();

        assertTrue(Eventually.within(ARRIVAL, () -> callbacks.callsWith("ORIGID", id).size() == 1), "the DLR is called back");
        assertEquals("EXPIRED", callbacks.callsWith("ORIGID", id).get(0).parameters().get("MESSAGESTATE"));
        assertEquals(sender, callbacks.callsWith("ORIGID", id).get(0).parameters().get("DESTADDR"));
        assertTrue(operator.status(id).contains("STATE=EXPIRED\n"), operator.status(id));
        assertTrue(operator.status(id).contains("\nMESSAGESTATE=EXPIRED\n"), operator.status(id));
    }

    @Test
    void aMessageWaitingForAReceiverThatNeverBindsExpiresWithItsDlr() throws Exception {
        String sender = Recipients.fresh();
        HttpResponse<String> response = gateway.post("/bin/send", GatewayHttp.params()
                .add("USERNAME", "alice").add("PASSWORD", "secret").add("SOURCEADDR", sender)
                .add("DESTADDR", "4613" + Recipients.fresh().substring(4)).add("MESSAGE", "acme never binds")
                .add("DLR", "1").add("VP", "2"));
        assertEquals(200, response.statusCode(), response.body());
        String id = response.body().strip();

        // the expiry sweep runs every 30 s
        assertTrue(Eventually.within(Duration.ofSeconds(90), () -> callbacks.callsWith("ORIGID", id).size() == 1),
                () -> "the DLR is called back: " + operator.status(id));
        assertEquals("EXPIRED", callbacks.callsWith("ORIGID", id).get(0).parameters().get("MESSAGESTATE"));
        assertTrue(operator.status(id).contains("STATE=EXPIRED\n"), operator.status(id));
    }

    private static void assertBetween(CallbackServer.Call first, CallbackServer.Call second, long minMillis, long maxMillis) {
        long gap = Duration.between(first.at(), second.at()).toMillis();
        assertTrue(gap >= minMillis && gap <= maxMillis, "between " + minMillis + " and " + maxMillis + " ms: " + gap);
    }
}
