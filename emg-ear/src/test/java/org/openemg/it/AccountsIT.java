package org.openemg.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsmpp.bean.BindType;
import org.jsmpp.extra.NegativeResponseException;
import org.junit.jupiter.api.Test;
import org.openemg.testkit.EsmeClient;
import org.openemg.testkit.Eventually;
import org.openemg.testkit.GatewayHttp;

/**
 * Accounts (users with BALANCE or POSTPAID in src/test/emgdir/users and smppusers): each part charged at
 * acceptance, exactly under concurrency, refused with status 11 (HTTP 402, ESME_RSUBMITFAIL) without credit,
 * refunded when the gateway could not hand a part over; the balance in the answers and in /bin/status.
 * Each test has an account of its own, opened when the gateway read the users files.
 */
class AccountsIT extends DeployedGatewayTest {

    private static final Duration ARRIVAL = Duration.ofSeconds(60);
    private static final Pattern BALANCE = Pattern.compile("\"balance\":\"([^\"]*)\"");
    private static final Pattern MSGID = Pattern.compile("\"msgid\":\"(\\d+)\"");

    private static GatewayHttp.Params as(String user, String password) {
        return GatewayHttp.params().add("USERNAME", user).add("PASSWORD", password);
    }

    private static HttpResponse<String> sendJson(GatewayHttp.Params params) throws Exception {
        return gateway.post("/bin/send.json", params);
    }

    private static String balanceIn(String json) {
        Matcher m = BALANCE.matcher(json);
        return m.find() ? m.group(1) : null;
    }

    private static String idIn(String json) {
        Matcher m = MSGID.matcher(json);
        assertTrue(m.find(), json);
        return m.group(1);
    }

    /** /bin/status.json as the message's owner would ask it. */
    private static String status(String id, String user, String password) {
        try {
            return gateway.get("/bin/status.json", as(user, password).add("ID", id)).body();
        } catch (Exception e) {
            return e.toString();
        }
    }

    @Test
    void twoHundredParallelSendsOnABalanceOfFiftyAcceptExactlyFifty() throws Exception {
        int clients = 200;
        CountDownLatch start = new CountDownLatch(1);
        List<Callable<HttpResponse<String>>> sends = new ArrayList<>();
        for (int i = 0; i < clients; i++) {
            String destination = "4699" + (7_000_000 + i);
            sends.add(() -> {
                start.await();
                return sendJson(as("racer", "race").add("DESTADDR", destination).add("MESSAGE", "race"));
            });
        }
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        List<HttpResponse<String>> answers = new ArrayList<>();
        long started;
        try {
            List<Future<HttpResponse<String>>> futures = new ArrayList<>();
            for (Callable<HttpResponse<String>> send : sends) {
                futures.add(pool.submit(send));
            }
            started = System.nanoTime();
            start.countDown();
            for (Future<HttpResponse<String>> future : futures) {
                answers.add(future.get());
            }
        } finally {
            pool.shutdownNow();
        }
        long millis = (System.nanoTime() - started) / 1_000_000;

        List<HttpResponse<String>> accepted = answers.stream().filter(a -> a.statusCode() == 200).toList();
        List<HttpResponse<String>> refused = answers.stream().filter(a -> a.statusCode() == 402).toList();
        System.out.println("AccountsIT race: " + clients + " parallel sends on a balance of 50 in " + millis + " ms: "
                + accepted.size() + " accepted, " + refused.size() + " refused with 402");
        assertEquals(50, accepted.size(), () -> answers.stream().map(HttpResponse::body).toList().toString());
        assertEquals(150, refused.size());
        for (HttpResponse<String> answer : refused) {
            assertEquals("{\"results\":[{\"status\":\"11\",\"statustext\":\"Insufficient credit\"}]}", answer.body());
        }
        List<String> balances = accepted.stream().map(a -> balanceIn(a.body())).sorted().toList();
        assertTrue(balances.stream().allMatch(b -> b != null && b.matches("\\d+\\.0000")), balances.toString());
        assertTrue(balances.contains("0.0000"), "the last charge left nothing: " + balances);

        String id = idIn(accepted.get(0).body());
        assertTrue(status(id, "racer", "race").contains("\"balance\":\"0.0000\""), status(id, "racer", "race"));
        HttpResponse<String> text = gateway.post("/bin/send", as("racer", "race").add("DESTADDR", "46997999999").add("MESSAGE", "x"));
        assertEquals(402, text.statusCode());
        assertEquals("ERR 11 Insufficient credit\n", text.body());
    }

    @Test
    void eachPartCostsOneAndWhatIsRefusedOrMalformedCostsNothing() throws Exception {
        HttpResponse<String> one = sendJson(as("payer", "pay").add("DESTADDR", "46998000001").add("MESSAGE", "one part"));
        assertEquals(200, one.statusCode(), one.body());
        assertEquals("9.0000", balanceIn(one.body()));

        HttpResponse<String> three = sendJson(as("payer", "pay").add("DESTADDR", "46998000002").add("MESSAGE", "a".repeat(400)));
        assertTrue(three.body().contains("\"parts\":\"3\""), three.body());
        assertEquals("6.0000", balanceIn(three.body()), "a message in three parts costs three");

        HttpResponse<String> mixed = sendJson(as("payer", "pay").add("DESTADDR", "46998000003").add("DESTADDR", "not-a-number")
                .add("MESSAGE", "one of two"));
        assertTrue(mixed.body().contains("\"status\":\"5\""), mixed.body());
        assertEquals("5.0000", balanceIn(mixed.body()), "the refused recipient costs nothing");

        HttpResponse<String> malformed = sendJson(as("payer", "pay").add("DESTADDR", "46998000004").add("CHARCODE", "2")
                .add("MESSAGE", "zz"));
        assertEquals(400, malformed.statusCode(), malformed.body());
        HttpResponse<String> wrongPassword = sendJson(as("payer", "nope").add("DESTADDR", "46998000004").add("MESSAGE", "x"));
        assertEquals(401, wrongPassword.statusCode());

        HttpResponse<String> tooMuch = sendJson(as("payer", "pay").add("DESTADDR", "46998000005").add("DESTADDR", "46998000006")
                .add("MESSAGE", "b".repeat(400)));
        assertEquals(402, tooMuch.statusCode(), "6 parts on a balance of 5: nothing is sent: " + tooMuch.body());

        HttpResponse<String> xml = gateway.post("/bin/send.xml", as("payer", "pay").add("DESTADDR", "46998000007").add("MESSAGE", "xml"));
        assertTrue(xml.body().endsWith("</results><balance>4.0000</balance></response>"), xml.body());
        assertTrue(status(idIn(one.body()), "payer", "pay").contains("\"balance\":\"4.0000\""));
    }

    @Test
    void aPartTheSmscRefusesIsRefundedOnceAndADeliveredOneIsNot() throws Exception {
        String refusedDestination = "46709990001";
        smsc.answerSubmits(sm -> refusedDestination.equals(sm.getDestAddress()) ? 0x0B : 0);

        HttpResponse<String> failing = sendJson(as("refunded", "pay").add("DESTADDR", refusedDestination).add("MESSAGE", "refused"));
        assertEquals(200, failing.statusCode(), failing.body());
        String failingId = idIn(failing.body());
        assertTrue(Eventually.within(ARRIVAL, () -> status(failingId, "refunded", "pay").contains("\"state\":\"FAILED\"")),
                () -> status(failingId, "refunded", "pay"));
        assertTrue(status(failingId, "refunded", "pay").contains("\"balance\":\"2.0000\""),
                "the gateway could not send it: " + status(failingId, "refunded", "pay"));

        HttpResponse<String> sent = sendJson(as("refunded", "pay").add("DESTADDR", "46709990002").add("MESSAGE", "carried"));
        assertEquals("1.0000", balanceIn(sent.body()));
        String sentId = idIn(sent.body());
        assertTrue(Eventually.within(ARRIVAL, () -> status(sentId, "refunded", "pay").contains("\"state\":\"SUBMITTED\"")),
                () -> status(sentId, "refunded", "pay"));
        assertTrue(status(failingId, "refunded", "pay").contains("\"balance\":\"1.0000\""), "refunded once, not again");
    }

    @Test
    void aPostpaidAccountSendsDownToMinusItsLimit() throws Exception {
        assertEquals("-1.0000", balanceIn(sendJson(as("owing", "pay").add("DESTADDR", "46998100001").add("MESSAGE", "1")).body()));
        assertEquals("-2.0000", balanceIn(sendJson(as("owing", "pay").add("DESTADDR", "46998100002").add("MESSAGE", "2")).body()));
        assertEquals(402, sendJson(as("owing", "pay").add("DESTADDR", "46998100003").add("MESSAGE", "3")).statusCode());
    }

    @Test
    void anSmppClientWithoutCreditGetsSubmitFailAndACancelRefunds() throws Exception {
        String host = System.getProperty("it.host");
        try (EsmeClient client = EsmeClient.bind(host, Integer.getInteger("it.smppin.port"), BindType.BIND_TRX, "smpppay", "pw")) {
            String later = client.submitTimed("4612", "46998200001", "later", null, "000000010000000R");
            assertTrue(status(later, "operator", "opsecret").contains("\"balance\":\"1.0000\""), status(later, "operator", "opsecret"));
            client.cancel(later, "4612", "46998200001");
            assertTrue(status(later, "operator", "opsecret").contains("\"state\":\"DELETED\""), status(later, "operator", "opsecret"));
            assertTrue(status(later, "operator", "opsecret").contains("\"balance\":\"2.0000\""), "a cancelled message is refunded");

            client.submit("4612", "46998200002", "first");
            client.submit("4612", "46998200003", "second");
            NegativeResponseException refused = assertThrows(NegativeResponseException.class,
                    () -> client.submit("4612", "46998200004", "third"));
            assertEquals(0x45, refused.getCommandStatus(), "ESME_RSUBMITFAIL");
        }
    }
}
