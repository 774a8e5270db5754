package org.openemg.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.openemg.testkit.Eventually;
import org.openemg.testkit.GatewayHttp;

/** /bin/send's JSON and XML answers, HTTP Basic, /bin/status, and ROUTE without ALLOWROUTE, on the real server. */
class HttpConnectorIT extends DeployedGatewayTest {

    private static final Duration ARRIVAL = Duration.ofSeconds(90);

    private static GatewayHttp.Params alice() {
        return GatewayHttp.params().add("USERNAME", "alice").add("PASSWORD", "secret");
    }

    private static String first(Pattern pattern, String body) {
        Matcher m = pattern.matcher(body);
        assertTrue(m.find(), pattern + " in " + body);
        return m.group(1);
    }

    @Test
    void jsonAnswerCarriesOneResultPerRecipientAndThePartCount() throws Exception {
        HttpResponse<String> response = gateway.post("/bin/send.json", alice()
                .add("DESTADDR", Recipients.fresh()).add("DESTADDR", "x1").add("MESSAGE", "z".repeat(200)));
        assertEquals(200, response.statusCode(), response.body());
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("application/json"));
        String body = response.body();
        assertTrue(body.matches("\\{\"results\":\\[\\{\"status\":\"0\",\"msgid\":\"7\\d{15}\",\"statustext\":\"OK\",\"parts\":\"2\"},"
                + "\\{\"status\":\"5\",\"statustext\":\"Invalid argument: DESTADDR\"}]}"), body);
    }

    @Test
    void xmlAnswerForARefusedLogin() throws Exception {
        HttpResponse<String> response = gateway.post("/bin/send.xml", GatewayHttp.params()
                .add("USERNAME", "alice").add("PASSWORD", "nope").add("DESTADDR", Recipients.fresh()).add("MESSAGE", "x"));
        assertEquals(401, response.statusCode());
        assertTrue(response.body().contains("<result><status>3</status><statustext>Invalid login</statustext></result>"),
                response.body());
    }

    @Test
    void basicAuthenticationAndStatusOfADeliveredMessage() throws Exception {
        String sinkDestination = "4699" + Recipients.fresh().substring(4);
        HttpResponse<String> response = gateway.withBasicAuth("bob", "plainpass").get("/bin/send",
                GatewayHttp.params().add("DESTADDR", sinkDestination).add("MESSAGE", "to the sink"));
        assertEquals(200, response.statusCode(), response.body());
        String id = response.body().strip();

        assertTrue(Eventually.within(ARRIVAL, () -> operator.status(id).contains("STATE=DELIVERED")), () -> operator.status(id));
        assertTrue(operator.status(id).contains("OUTCONNECTOR=sink"), operator.status(id));
    }

    @Test
    void routeOptionIsIgnoredWithoutAllowRoute() throws Exception {
        String destination = Recipients.fresh();
        HttpResponse<String> response = gateway.post("/bin/send", alice()
                .add("DESTADDR", destination).add("ROUTE", "sink").add("MESSAGE", "routed by the table"));
        assertEquals(200, response.statusCode(), response.body());
        String id = response.body().strip();
        assertTrue(Eventually.within(ARRIVAL, () -> smsc.acceptedFor(destination).size() == 1));
        assertTrue(Eventually.within(ARRIVAL, () -> operator.status(id).contains("STATE=SUBMITTED")), () -> operator.status(id));
        String json = operator.get("/bin/status.json", GatewayHttp.params().add("ID", id)).body();
        assertEquals("smpp-out", first(Pattern.compile("\"outconnector\":\"([^\"]*)\""), json));
        assertTrue(json.contains("\"smscid\":\""), json);
    }

    @Test
    void aRouteToAConnectorThatCannotCarryMessagesIsNoRoute() throws Exception {
        HttpResponse<String> response = gateway.post("/bin/send", alice()
                .add("DESTADDR", "4698" + Recipients.fresh().substring(4)).add("DESTADDR", Recipients.fresh())
                .add("MESSAGE", "half routable"));
        assertEquals(200, response.statusCode(), response.body());
        List<String> lines = response.body().lines().toList();
        assertEquals("ERR 13 No route", lines.get(0));
        assertTrue(lines.get(1).matches("7\\d{15}"), lines.get(1));
    }

    @Test
    void unknownIdIsNotFound() throws Exception {
        assertEquals(404, operator.get("/bin/status", GatewayHttp.params().add("ID", "7999999999999999")).statusCode());
    }
}
