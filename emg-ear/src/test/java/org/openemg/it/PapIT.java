package org.openemg.it;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.openemg.testkit.PushInitiator.control;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsmpp.bean.SubmitSm;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openemg.testkit.CallbackServer;
import org.openemg.testkit.Eventually;
import org.openemg.testkit.PushInitiator;

/**
 * WAP push through the real server: a push initiator POSTs PAP to pap-in (on the HTTP listener, USERS as
 * http-in), the push leaves smpp-out as 8-bit SMS with the WAP port UDH, statusquery and cancel answer from the
 * messages' states, and result notifications go through pap-in's REDIRECT (pap-dlr) to the push's URL.
 */
class PapIT extends DeployedGatewayTest {

    private static final Duration ARRIVAL = Duration.ofSeconds(60);
    private static final URI BASE = URI.create("http://" + System.getProperty("it.host") + ":" + Integer.getInteger("it.http.port"));
    private static final PushInitiator PI = new PushInitiator(BASE, "alice", "secret");
    private static final String SI = "text/vnd.wap.si";
    private static final Pattern CODE = Pattern.compile(" code=\"(\\d{4})\"");
    private static final HexFormat HEX = HexFormat.of();
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

    private static String pushId() {
        return "it-" + System.nanoTime() + "@pi.example.com";
    }

    private static String address(String number) {
        return "WAPPUSH=+" + number + "/TYPE=PLMN@ppg.example.com";
    }

    private static String pushMessage(String pushId, String attributes, String... numbers) {
        StringBuilder push = new StringBuilder("<push-message push-id=\"" + pushId + "\" " + attributes + ">");
        for (String number : numbers) {
            push.append("<address address-value=\"").append(address(number)).append("\"/>");
        }
        return push.append("</push-message>").toString();
    }

    private static String si(String text) {
        return "<?xml version=\"1.0\"?>\n<!DOCTYPE si PUBLIC \"-//WAPFORUM//DTD SI 1.0//EN\" \"http://www.wapforum.org/DTD/si.dtd\">\n"
                + "<si><indication href=\"http://www.example.com/\">" + text + "</indication></si>";
    }

    /** The WBXML of {@link #si} (PAP-WAP.md 4.1): the URL as http://www. + "example" + .com/, the text inline. */
    private static byte[] siWbxml(String text) {
        ByteArrayOutputStream wbxml = new ByteArrayOutputStream();
        wbxml.writeBytes(HEX.parseHex("02056a0045c60d036578616d706c65008501" + "03"));
        wbxml.writeBytes(text.getBytes(StandardCharsets.UTF_8));
        wbxml.writeBytes(HEX.parseHex("000101"));
        return wbxml.toByteArray();
    }

    private static int code(HttpResponse<String> response) {
        Matcher m = CODE.matcher(response.body());
        assertTrue(m.find(), response.body());
        return Integer.parseInt(m.group(1));
    }

    private static void assertAnswer(int code, String element, HttpResponse<String> response) {
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("application/xml"), response.headers().toString());
        assertTrue(response.body().contains("<" + element + " "), response.body());
        assertEquals(code, code(response), response.body());
    }

    private HttpResponse<String> pushSi(String pushId, String attributes, String... numbers) throws Exception {
        return PI.push(control(pushMessage(pushId, attributes, numbers)), SI, si("You have mail"));
    }

    private List<SubmitSm> arrived(String number, int parts) throws InterruptedException {
        assertTrue(Eventually.within(ARRIVAL, () -> smsc.acceptedFor(number).size() >= parts),
                () -> "submits for " + number + ": " + smsc.acceptedFor(number));
        return smsc.acceptedFor(number);
    }

    private void noSubmitFor(String number) throws InterruptedException {
        assertTrue(Eventually.quietFor(Duration.ofMillis(1500), ARRIVAL, () -> smsc.submits().size()));
        assertEquals(List.of(), smsc.acceptedFor(number));
    }

    @Test
    void aSiPushArrivesAsOneEightBitSmsWithThePortUdhAndTheWspPushPdu() throws Exception {
        String number = Recipients.fresh();

        HttpResponse<String> response = pushSi(pushId(), "", number);

        assertEquals(202, response.statusCode());
        assertAnswer(1001, "push-response", response);
        SubmitSm sm = arrived(number, 1).get(0);
        assertEquals(0x40, sm.getEsmClass() & 0x40, "UDHI set");
        assertEquals(4, sm.getDataCoding(), "8-bit data");
        assertEquals(1, sm.getDestAddrTon(), "international");
        byte[] octets = sm.getShortMessage();
        assertEquals("0605040b8423f0", HEX.formatHex(octets, 0, 7), "ports 2948 <- 9200");
        assertEquals("0601ae", HEX.formatHex(octets, 8, 11), "WSP Push, headers of 1 octet: application/vnd.wap.sic");
        assertArrayEquals(siWbxml("You have mail"), Arrays.copyOfRange(octets, 11, octets.length));
    }

    @Test
    void aLongPushArrivesConcatenatedWithPortsAndReferenceInEveryUdh() throws Exception {
        String number = Recipients.fresh();
        String text = "Long push " + "x".repeat(290);

        assertAnswer(1001, "push-response", PI.push(control(pushMessage(pushId(), "", number)), SI, si(text)));

        List<SubmitSm> parts = arrived(number, 3);
        assertEquals(3, parts.size());
        ByteArrayOutputStream pdu = new ByteArrayOutputStream();
        int ref = parts.get(0).getShortMessage()[9] & 0xFF;
        parts.stream().sorted(Comparator.comparingInt(p -> p.getShortMessage()[11])).forEach(p -> {
            byte[] octets = p.getShortMessage();
            assertEquals(4, p.getDataCoding());
            assertEquals("0b05040b8423f0" + "0003", HEX.formatHex(octets, 0, 9), "ports and concatenation in one UDH");
            assertEquals(ref, octets[9] & 0xFF, "one reference");
            assertEquals(3, octets[10]);
            pdu.write(octets, 12, octets.length - 12);
        });
        assertEquals(List.of(1, 2, 3), parts.stream().map(p -> (int) p.getShortMessage()[11]).sorted().toList());
        byte[] whole = pdu.toByteArray();
        assertEquals("0601ae", HEX.formatHex(whole, 1, 4));
        assertArrayEquals(siWbxml(text), Arrays.copyOfRange(whole, 4, whole.length));
    }

    /** Shapes push initiators send: a quoted boundary with LF line ends, a preamble, a capabilities part after the content. */
    @ParameterizedTest
    @ValueSource(strings = {"quoted-lf", "preamble", "capabilities"})
    void multipartShapesAreRead(String shape) throws Exception {
        String number = Recipients.fresh();
        String control = control(pushMessage(pushId(), "", number));
        String body = switch (shape) {
            case "quoted-lf" -> "--b-q\nContent-Type: application/xml\n\n" + control + "\n--b-q\nContent-Type: " + SI
                    + "\n\n" + si("You have mail") + "\n--b-q--\n";
            case "preamble" -> "This is a multi-part message in MIME format.\r\n--b-q\r\nContent-Type: application/xml\r\n\r\n"
                    + control + "\r\n--b-q\r\nContent-Type: " + SI + "\r\n\r\n" + si("You have mail") + "\r\n--b-q--\r\n";
            default -> "--b-q\r\nContent-Type: application/xml\r\n\r\n" + control + "\r\n--b-q\r\nContent-Type: " + SI
                    + "\r\n\r\n" + si("You have mail") + "\r\n--b-q\r\nContent-Type: application/xml\r\n\r\n"
                    + "<rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\"/>\r\n--b-q--\r\n";
        };

        HttpResponse<String> response = PI.post("multipart/related; boundary=\"b-q\"; type=\"application/xml\"", body);

        assertAnswer(1001, "push-response", response);
        byte[] octets = arrived(number, 1).get(0).getShortMessage();
        assertArrayEquals(siWbxml("You have mail"), Arrays.copyOfRange(octets, 11, octets.length));
    }

    @Test
    void addressesNoSmsReachesAre2002AndNothingIsSent() throws Exception {
        String user = "WAPPUSH=john%40example.com/TYPE=USER@ppg.example.com";
        assertAnswer(2002, "push-response", PI.push(control("<push-message push-id=\"" + pushId() + "\"><address address-value=\""
                + user + "\"/></push-message>"), SI, si("You have mail")));

        // 4698 routes to pap-out, which the gateway does not run: no route for that address refuses the whole push
        String routable = Recipients.fresh();
        String noRoute = "4698" + Recipients.fresh().substring(4);
        HttpResponse<String> response = pushSi(pushId(), "", routable, noRoute);
        assertAnswer(2002, "push-response", response);
        assertTrue(response.body().contains("No route"), response.body());
        noSubmitFor(routable);
    }

    @Test
    void malformedUnsupportedAndIncompleteRequestsAreRefused() throws Exception {
        HttpResponse<String> malformed = PI.post("multipart/related; boundary=x", "--x\r\nContent-Type: application/xml\r\n\r\n"
                + "<pap><push-message push-id=\"p\">\r\n--x--\r\n");
        assertEquals(202, malformed.statusCode());
        assertAnswer(2000, "badmessage-response", malformed);

        String future = "<?xml version=\"1.0\"?>\n<!DOCTYPE pap PUBLIC \"-//WAPFORUM//DTD PAP 9.0//EN\" \"http://x/pap_9.dtd\">\n<pap>"
                + pushMessage(pushId(), "", Recipients.fresh()) + "</pap>";
        assertAnswer(3002, "badmessage-response", PI.push(future, SI, si("You have mail")));

        assertAnswer(2000, "push-response", PI.post("application/xml", control(pushMessage(pushId(), "", Recipients.fresh()))));
    }

    @Test
    void pushInitiatorsLogInWithBasic() throws Exception {
        String number = Recipients.fresh();
        String control = control(pushMessage(pushId(), "", number));

        HttpResponse<String> anonymous = new PushInitiator(BASE, null, null).push(control, SI, si("You have mail"));
        assertEquals(401, anonymous.statusCode());
        assertTrue(anonymous.headers().firstValue("WWW-Authenticate").orElse("").startsWith("Basic"));
        assertEquals(401, new PushInitiator(BASE, "alice", "wrong").push(control, SI, si("You have mail")).statusCode());
        noSubmitFor(number);
    }

    @Test
    void aPendingPushIdIs2007AndFreeAgainOnceThePushIsCancelled() throws Exception {
        String pushId = pushId();
        String tomorrow = Instant.now().plus(1, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS).toString();
        String number = Recipients.fresh();

        assertAnswer(1001, "push-response", pushSi(pushId, "deliver-after-timestamp=\"" + tomorrow + "\"", number));
        assertAnswer(2007, "push-response", pushSi(pushId, "", Recipients.fresh()));
        assertAnswer(1000, "cancel-response", PI.post("application/xml", control("<cancel-message push-id=\"" + pushId + "\"/>")));

        String next = Recipients.fresh();
        assertAnswer(1001, "push-response", pushSi(pushId, "", next));
        arrived(next, 1);
        noSubmitFor(number);
    }

    @Test
    void ofPushesWithOnePushIdSentTogetherOnlyOneIsKept() throws Exception {
        String pushId = pushId();
        String tomorrow = Instant.now().plus(1, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS).toString();
        ExecutorService initiators = Executors.newFixedThreadPool(4);
        try {
            List<Future<HttpResponse<String>>> answers = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                answers.add(initiators.submit(() -> pushSi(pushId, "deliver-after-timestamp=\"" + tomorrow + "\"", Recipients.fresh())));
            }
            List<Integer> codes = new ArrayList<>();
            for (Future<HttpResponse<String>> answer : answers) {
                codes.add(code(answer.get(60, TimeUnit.SECONDS)));
            }
            codes.sort(null);
            assertEquals(List.of(1001, 2007, 2007, 2007), codes);
        } finally {
            initiators.shutdownNow();
        }
        HttpResponse<String> status = PI.post("application/xml", control("<statusquery-message push-id=\"" + pushId + "\"/>"));
        assertEquals(1, status.body().split("<statusquery-result ", -1).length - 1, status.body());
    }

    @Test
    void aPushWithoutNotificationIsDeliveredOnceTheSmscTookIt() throws Exception {
        String pushId = pushId();
        String number = Recipients.fresh();
        assertAnswer(1001, "push-response", pushSi(pushId, "", number));
        arrived(number, 1);

        String[] last = {""};
        assertTrue(Eventually.within(ARRIVAL, () -> {
            try {
                last[0] = PI.post("application/xml", control("<statusquery-message push-id=\"" + pushId + "\"/>")).body();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
            return last[0].contains("message-state=\"delivered\"");
        }), () -> "unconfirmed push handed to the SMSC, still: " + last[0]);
    }

    @Test
    void statusQueryAndCancelAnswerPerAddress() throws Exception {
        String pushId = pushId();
        String tomorrow = Instant.now().plus(1, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS).toString();
        String first = Recipients.fresh();
        String second = Recipients.fresh();
        assertAnswer(1001, "push-response", pushSi(pushId, "deliver-after-timestamp=\"" + tomorrow + "\"", first, second));

        HttpResponse<String> pending = PI.post("application/xml", control("<statusquery-message push-id=\"" + pushId + "\"/>"));
        assertEquals(200, pending.statusCode());
        assertEquals(2, pending.body().split("message-state=\"pending\"", -1).length - 1, pending.body());

        HttpResponse<String> cancelFirst = PI.post("application/xml", control("<cancel-message push-id=\"" + pushId + "\">"
                + "<address address-value=\"wappush=+" + first + "/type=plmn\"/></cancel-message>"));
        assertAnswer(1000, "cancel-response", cancelFirst);
        assertTrue(cancelFirst.body().contains("address-value=\"wappush=+" + first + "/type=plmn\""), cancelFirst.body());

        HttpResponse<String> both = PI.post("application/xml", control("<statusquery-message push-id=\"" + pushId + "\">"
                + "<address address-value=\"" + address(first) + "\"/><address address-value=\"" + address(second) + "\"/>"
                + "</statusquery-message>"));
        assertTrue(both.body().matches("(?s).*message-state=\"cancelled\".*" + Pattern.quote(address(first))
                + ".*message-state=\"pending\".*" + Pattern.quote(address(second)) + ".*"), both.body());

        HttpResponse<String> cancelAll = PI.post("application/xml", control("<cancel-message push-id=\"" + pushId + "\"/>"));
        assertTrue(cancelAll.body().matches("(?s).*<cancel-result code=\"2008\".*" + Pattern.quote(address(first)) + ".*"),
                cancelAll.body());
        assertTrue(cancelAll.body().matches("(?s).*<cancel-result code=\"1000\".*" + Pattern.quote(address(second)) + ".*"),
                cancelAll.body());

        HttpResponse<String> unknown = PI.post("application/xml", control("<statusquery-message push-id=\"nobody's\"/>"));
        assertAnswer(2004, "statusquery-result", unknown);
        assertTrue(unknown.body().contains("message-state=\"unknown\""), unknown.body());
    }

    @Test
    void theFinalDlrOfALongPushIsPostedAsResultNotificationRetriedUntilTaken() throws Exception {
        String pushId = pushId();
        String number = Recipients.fresh();
        String notifyTo = "http://127.0.0.1:" + callbacks.port() + "/notify?push=" + number;
        callbacks.refuseNext(2, 500, "push", number);

        assertAnswer(1001, "push-response", PI.push(control(pushMessage(pushId, "ppg-notify-requested-to=\"" + notifyTo + "\"",
                number)), SI, si("Long push " + "x".repeat(290))));

        arrived(number, 3);
        assertTrue(Eventually.within(ARRIVAL, () -> callbacks.callsWith("push", number).size() == 3),
                () -> "two refusals, then the call that took it: " + callbacks.calls());
        CallbackServer.Call notification = callbacks.callsWith("push", number).get(2);
        assertEquals("POST", notification.method());
        assertEquals("/notify", notification.path());
        assertTrue(notification.body().contains("<resultnotification-message push-id=\"" + pushId + "\""), notification.body());
        assertTrue(notification.body().contains("message-state=\"delivered\" code=\"1000\""), notification.body());
        assertTrue(notification.body().contains("<address address-value=\"" + address(number) + "\"/>"), notification.body());
        assertTrue(Eventually.quietFor(Duration.ofMillis(1500), ARRIVAL, () -> callbacks.callsWith("push", number).size()));
        assertEquals(3, callbacks.callsWith("push", number).size(), "one notification per address, taken once");

        HttpResponse<String> status = PI.post("application/xml", control("<statusquery-message push-id=\"" + pushId + "\"/>"));
        assertTrue(status.body().contains("message-state=\"delivered\""), status.body());
    }

    @Test
    void aCancelledPushIsNotifiedCancelled() throws Exception {
        String pushId = pushId();
        String number = Recipients.fresh();
        String notifyTo = "http://127.0.0.1:" + callbacks.port() + "/notify?push=" + number;
        String tomorrow = Instant.now().plus(1, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS).toString();
        assertAnswer(1001, "push-response", pushSi(pushId, "deliver-after-timestamp=\"" + tomorrow + "\" ppg-notify-requested-to=\""
                + notifyTo + "\"", number));

        assertAnswer(1000, "cancel-response", PI.post("application/xml", control("<cancel-message push-id=\"" + pushId + "\"/>")));

        assertTrue(Eventually.within(ARRIVAL, () -> callbacks.callsWith("push", number).size() == 1), () -> callbacks.calls().toString());
        assertTrue(callbacks.callsWith("push", number).get(0).body().contains("message-state=\"cancelled\""));
    }

    @Test
    void anExternalEntityIsABadMessageAndNoFileIsRead() throws Exception {
        Path secret = Files.writeString(Files.createTempFile(Path.of(System.getProperty("it.work")), "xxe", ".txt"),
                "the-secret-4711");
        try {
            String number = Recipients.fresh();
            String control = "<?xml version=\"1.0\"?>\n<!DOCTYPE pap [<!ENTITY xxe SYSTEM \"" + secret.toUri() + "\">]>\n"
                    + "<pap><push-message push-id=\"&xxe;\"><address address-value=\"" + address(number) + "\"/></push-message></pap>";

            HttpResponse<String> response = PI.push(control, SI, si("You have mail"));

            assertAnswer(2000, "badmessage-response", response);
            assertFalse(response.body().contains("the-secret-4711"), response.body());
            noSubmitFor(number);
        } finally {
            Files.delete(secret);
        }
    }
}
