package org.openemg.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.as.arquillian.container.ManagementClient;
import org.jboss.dmr.ModelNode;
import org.jsmpp.SMPPConstant;
import org.jsmpp.bean.BindType;
import org.jsmpp.extra.NegativeResponseException;
import org.junit.jupiter.api.Test;
import org.openemg.testkit.EsmeClient;
import org.openemg.testkit.Eventually;
import org.openemg.testkit.GatewayHttp;
import org.openemg.testkit.SmtpDialogue;

/**
 * What an operator does through WildFly's management API (what the admin console and jboss-cli call): stop and
 * start delivery of a protocol's MDB, the HTTP pause switch, and what /prometheus and /health/ready on the
 * management port show, all seen from outside.
 */
class OperatingIT extends DeployedGatewayTest {

    private static final String HOST = System.getProperty("it.host");
    private static final URI MANAGEMENT = URI.create("http://" + HOST + ":" + Integer.getInteger("it.mgmt.port"));
    private static final Duration WITHIN = Duration.ofSeconds(60);
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @ArquillianResource
    private ManagementClient management;

    private ModelNode mdb(String name) {
        ModelNode address = new ModelNode();
        address.add("deployment", "emg-ear.ear").add("subdeployment", "emg-ejb.jar").add("subsystem", "ejb3")
                .add("message-driven-bean", name);
        return address;
    }

    private ModelNode execute(ModelNode address, String operation) throws IOException {
        ModelNode op = new ModelNode();
        op.get("operation").set(operation);
        op.get("address").set(address);
        ModelNode result = management.getControllerClient().execute(op);
        assertEquals("success", result.get("outcome").asString(), result.toString());
        return result.get("result");
    }

    private boolean deliveryActive(String mdb) throws IOException {
        ModelNode op = new ModelNode();
        op.get("operation").set("read-attribute");
        op.get("address").set(mdb(mdb));
        op.get("name").set("delivery-active");
        ModelNode result = management.getControllerClient().execute(op);
        assertEquals("success", result.get("outcome").asString(), result.toString());
        return result.get("result").asBoolean();
    }

    private void httpPaused(boolean paused) throws IOException {
        ModelNode op = new ModelNode();
        op.get("operation").set("write-attribute");
        op.get("address").add("system-property", "emg.http.paused");
        op.get("name").set("value");
        op.get("value").set(Boolean.toString(paused));
        ModelNode result = management.getControllerClient().execute(op);
        assertEquals("success", result.get("outcome").asString(), result.toString());
    }

    @Test
    void stoppingSmppDeliveryRefusesSubmitsWithSystemErrorUntilItStartsAgain() throws Exception {
        try (EsmeClient acme = EsmeClient.bind(HOST, Integer.getInteger("it.smppin.port"), BindType.BIND_TX, "acme", "secret")) {
            execute(mdb("SmppClients"), "stop-delivery");
            try {
                assertEquals(false, deliveryActive("SmppClients"));
                NegativeResponseException refused = assertThrows(NegativeResponseException.class,
                        () -> acme.submit("4612", Recipients.fresh(), "while paused"));
                assertEquals(SMPPConstant.STAT_ESME_RSYSERR, refused.getCommandStatus());
            } finally {
                execute(mdb("SmppClients"), "start-delivery");
            }
            assertEquals(true, deliveryActive("SmppClients"));
            String destination = Recipients.fresh();
            String id = acme.submit("4612", destination, "after the pause");
            assertTrue(id.matches("\\d+"), id);
            assertTrue(Eventually.within(WITHIN, () -> !smsc.acceptedFor(destination).isEmpty()), "sent after the start");
        }
    }

    @Test
    void stoppingSmtpDeliveryAnswers421UntilItStartsAgain() throws Exception {
        InetSocketAddress smtpIn = new InetSocketAddress(HOST, Integer.getInteger("it.smtp.port"));
        execute(mdb("SmtpClients"), "stop-delivery");
        try (SmtpDialogue smtp = new SmtpDialogue("127.0.0.1", smtpIn)) {
            assertTrue(smtp.reply().startsWith("220 "));
            assertTrue(smtp.say("HELO client.example.com").startsWith("250"));
            String paused = smtp.say("MAIL FROM:<46701234567@example.com>");
            assertTrue(paused.startsWith("421 "), paused);
        } finally {
            execute(mdb("SmtpClients"), "start-delivery");
        }
        try (SmtpDialogue smtp = new SmtpDialogue("127.0.0.1", smtpIn)) {
            assertTrue(smtp.reply().startsWith("220 "));
            assertTrue(smtp.say("HELO client.example.com").startsWith("250"));
            assertTrue(smtp.say("MAIL FROM:<46701234567@example.com>").startsWith("250"));
            assertTrue(smtp.say("QUIT").startsWith("221"));
        }
    }

    @Test
    void theHttpPauseSwitchAnswers503Status12UntilItIsTurnedOff() throws Exception {
        GatewayHttp.Params send = GatewayHttp.params().add("USERNAME", "alice").add("PASSWORD", "secret")
                .add("DESTADDR", Recipients.fresh()).add("MESSAGE", "pause switch");
        httpPaused(true);
        try {
            HttpResponse<String> paused = gateway.post("/bin/send", send);
            assertEquals(503, paused.statusCode(), paused.body());
            assertTrue(paused.body().startsWith("ERR 12 "), paused.body());
        } finally {
            httpPaused(false);
        }
        HttpResponse<String> resumed = gateway.post("/bin/send", send);
        assertEquals(200, resumed.statusCode(), resumed.body());
    }

    @Test
    void prometheusSeriesMoveWithTraffic() throws Exception {
        double acceptedBefore = series("emg_messages_accepted_total\\{connector=\"http-in\"[^}]*}");
        double refusedBefore = series("emg_messages_refused_total\\{connector=\"http-in\",[^}]*status=\"3\"[^}]*}");
        double latenciesBefore = series("emg_submit_latency_seconds_count\\{connector=\"smpp-out\"[^}]*}");
        double acceptTimesBefore = series("emg_accept_latency_seconds_count\\{connector=\"http-in\"[^}]*}");
        GatewayHttp.Params send = GatewayHttp.params().add("USERNAME", "alice").add("PASSWORD", "secret")
                .add("MESSAGE", "counted");
        String[] destinations = {Recipients.fresh(), Recipients.fresh(), Recipients.fresh()};
        for (String d : destinations) {
            send.add("DESTADDR", d);
        }
        assertEquals(200, gateway.post("/bin/send", send).statusCode());
        assertEquals(401, gateway.post("/bin/send", GatewayHttp.params().add("USERNAME", "alice").add("PASSWORD", "nope")
                .add("DESTADDR", Recipients.fresh()).add("MESSAGE", "x")).statusCode());
        assertTrue(Eventually.within(WITHIN, () -> Arrays.stream(destinations)
                .allMatch(d -> !smsc.acceptedFor(d).isEmpty())), "the three reached the SMSC");

        assertEquals(acceptedBefore + 3, series("emg_messages_accepted_total\\{connector=\"http-in\"[^}]*}"));
        assertEquals(refusedBefore + 1, series("emg_messages_refused_total\\{connector=\"http-in\",[^}]*status=\"3\"[^}]*}"));
        assertTrue(Eventually.within(WITHIN, () -> series("emg_submit_latency_seconds_count\\{connector=\"smpp-out\"[^}]*}")
                >= latenciesBefore + 3), "the submits' latencies are in the histogram");
        assertTrue(scrape().contains("emg_submit_latency_seconds_bucket{connector=\"smpp-out\""), "a histogram with buckets");
        assertEquals(acceptTimesBefore + 2, series("emg_accept_latency_seconds_count\\{connector=\"http-in\"[^}]*}"),
                "the accepted request and the refused one timed in acceptance");
        assertTrue(scrape().contains("emg_accept_latency_seconds_bucket{connector=\"http-in\""), "accept times as a histogram");
        assertTrue(Eventually.within(WITHIN, () -> series("emg_links_up\\{connector=\"smpp-out\"[^}]*}") == 2),
                "both binds of smpp-out up");
        assertEquals(2, series("emg_links_configured\\{connector=\"smpp-out\"[^}]*}"));
        assertEquals(20, series("emg_window_size\\{connector=\"smpp-out\"[^}]*}"));
        assertTrue(scrape().contains("emg_queue_depth{connector=\"smpp-out\""), "queue depth of smpp-out");
        assertTrue(scrape().contains("emg_window_in_use{connector=\"smpp-out\""), "window in use of smpp-out");
    }

    @Test
    void readinessIsDownWhileSmppOutHasNoBindAndUpWhenItBindsAgain() throws Exception {
        HttpResponse<String> up = ready();
        assertTrue(up.body().contains("\"smpp-out\":\"2 of 2 binds up\""), up.body());
        assertReadyExactlyWhenEveryConnectorHasItsBinds(up);
        smsc.down();
        try {
            assertTrue(Eventually.within(WITHIN, () -> ready().body().contains("\"smpp-out\":\"0 of 2 binds up\"")),
                    () -> "DOWN without a bind: " + ready().body() + "; "
                            + scrape().lines().filter(l -> l.startsWith("emg_links")).toList());
            HttpResponse<String> down = ready();
            assertEquals(503, down.statusCode(), down.body());
        } finally {
            smsc.up();
        }
        assertTrue(Eventually.within(Duration.ofSeconds(90), () -> ready().body().contains("\"smpp-out\":\"2 of 2 binds up\"")),
                "smpp-out bound again");
        assertReadyExactlyWhenEveryConnectorHasItsBinds(ready());
    }

    /** The IT's configuration also has connectors that bind only while FlowControlIT runs their simulators. */
    private static void assertReadyExactlyWhenEveryConnectorHasItsBinds(HttpResponse<String> readiness) {
        Matcher binds = Pattern.compile("\"[^\"]+\":\"(\\d+) of (\\d+) binds up\"").matcher(readiness.body());
        boolean allBound = true;
        int connectors = 0;
        while (binds.find()) {
            connectors++;
            allBound &= !binds.group(1).equals("0");
        }
        assertTrue(connectors > 0, readiness.body());
        assertEquals(allBound ? 200 : 503, readiness.statusCode(), readiness.body());
    }

    private static HttpResponse<String> ready() {
        return managementGet("/health/ready");
    }

    private static String scrape() {
        HttpResponse<String> response = managementGet("/prometheus");
        assertEquals(200, response.statusCode(), response.body());
        return response.body();
    }

    /** The value of the one series matching {@code pattern} (a regex of name and labels); 0 when there is none yet. */
    private static double series(String pattern) {
        Matcher m = Pattern.compile("(?m)^" + pattern + " ([0-9.eE+-]+)$").matcher(scrape());
        return m.find() ? Double.parseDouble(m.group(1)) : 0;
    }

    private static HttpResponse<String> managementGet(String path) {
        try {
            return HTTP.send(HttpRequest.newBuilder(MANAGEMENT.resolve(path)).timeout(Duration.ofSeconds(10)).build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
