package org.openemg.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.jsmpp.bean.SubmitSm;
import org.junit.jupiter.api.Test;
import org.openemg.testkit.Eventually;
import org.openemg.testkit.GatewayHttp;

/** HTTP /bin/send in, SMPP submit_sm out, against a jSMPP SMSC the gateway binds to. */
class SendThroughSmscIT extends DeployedGatewayTest {

    private static final Duration ARRIVAL = Duration.ofSeconds(90);

    private static String unique(String label) {
        return label + " " + System.nanoTime();
    }

    private static List<SubmitSm> withText(String text, List<SubmitSm> submits) {
        return submits.stream()
                .filter(s -> text.equals(new String(s.getShortMessage(), StandardCharsets.ISO_8859_1)))
                .toList();
    }

    private List<SubmitSm> arrivedWithText(String text) {
        return withText(text, smsc.accepted());
    }

    @Test
    void batchOfThreeRecipientsGivesThreeIdsAndThreeSubmits() throws Exception {
        String text = unique("Batch of three");
        HttpResponse<String> response = gateway.post("/bin/send", GatewayHttp.params()
                .add("USERNAME", "alice").add("PASSWORD", "secret").add("SOURCEADDR", "12345")
                .add("DESTADDR", "46701000001").add("DESTADDR", "46701000002").add("DESTADDR", "46701000003")
                .add("MESSAGE", text));

        assertEquals(200, response.statusCode(), response.body());
        List<String> ids = response.body().lines().toList();
        assertEquals(3, ids.size(), response.body());
        ids.forEach(id -> assertTrue(id.matches("7\\d{15}"), "node 7 id: " + id));
        assertEquals(3, Set.copyOf(ids).size());

        assertTrue(Eventually.within(ARRIVAL, () -> arrivedWithText(text).size() == 3), "3 submits arrive");
        List<SubmitSm> submits = arrivedWithText(text);
        assertEquals(Set.of("46701000001", "46701000002", "46701000003"),
                submits.stream().map(SubmitSm::getDestAddress).collect(Collectors.toSet()));
        submits.forEach(s -> assertEquals("12345", s.getSourceAddr()));
    }

    @Test
    void badPasswordIsRefusedAndNothingIsSent() throws Exception {
        String refused = unique("Wrong password");
        HttpResponse<String> response = gateway.post("/bin/send", GatewayHttp.params()
                .add("USERNAME", "alice").add("PASSWORD", "wrong").add("DESTADDR", "46701000010").add("MESSAGE", refused));
        assertEquals(401, response.statusCode());
        assertEquals("ERR 3 Invalid login", response.body().strip());

        String accepted = unique("Right password");
        assertEquals(200, gateway.post("/bin/send", GatewayHttp.params()
                .add("USERNAME", "alice").add("PASSWORD", "secret").add("DESTADDR", "46701000011")
                .add("MESSAGE", accepted)).statusCode());
        assertTrue(Eventually.within(ARRIVAL, () -> arrivedWithText(accepted).size() == 1));
        assertEquals(List.of(), arrivedWithText(refused));
    }

    @Test
    void missingDestinationIsABadRequest() throws Exception {
        HttpResponse<String> response = gateway.post("/bin/send", GatewayHttp.params()
                .add("USERNAME", "alice").add("PASSWORD", "secret").add("MESSAGE", "nowhere"));
        assertEquals(400, response.statusCode());
        assertEquals("ERR 5 Invalid argument: DESTADDR", response.body().strip());
    }

    @Test
    void invalidRecipientIsRefusedInItsPlaceOthersAreSent() throws Exception {
        String text = unique("One bad recipient");
        HttpResponse<String> response = gateway.get("/bin/send", GatewayHttp.params()
                .add("USERNAME", "bob").add("PASSWORD", "plainpass")
                .add("DESTADDR", "46701000020").add("DESTADDR", "not-a-number").add("DESTADDR", "+46701000021")
                .add("MESSAGE", text));
        assertEquals(200, response.statusCode(), response.body());
        List<String> lines = response.body().lines().toList();
        assertEquals(3, lines.size());
        assertEquals("ERR 5 Invalid argument: DESTADDR", lines.get(1));
        assertTrue(Eventually.within(ARRIVAL, () -> arrivedWithText(text).size() == 2));
    }

    @Test
    void temporaryRefusalIsRetriedAndDeliveredOnce() throws Exception {
        String text = unique("Queue full first");
        smsc.refuseNext(2, 0x14);
        HttpResponse<String> response = gateway.post("/bin/send", GatewayHttp.params()
                .add("USERNAME", "alice").add("PASSWORD", "secret").add("DESTADDR", "46701000030").add("MESSAGE", text));
        assertEquals(200, response.statusCode(), response.body());
        String id = response.body().strip();
        assertTrue(Eventually.within(ARRIVAL, () -> arrivedWithText(text).size() == 1));
        assertEquals(2, withText(text, smsc.refused()).size(), "both refusals went to this message before it was accepted");
        assertTrue(Eventually.within(ARRIVAL, () -> operator.status(id).contains("STATE=SUBMITTED")), () -> operator.status(id));
        // longer than RETRYDELAY: a retry that should not happen would arrive within it
        assertTrue(Eventually.quietFor(Duration.ofMillis(1500), ARRIVAL, () -> arrivedWithText(text).size()));
        assertEquals(1, arrivedWithText(text).size(), "accepted exactly once");
    }

    @Test
    void aMessageTheSmscKeepsRefusingFailsAfterMaxAttemptsWithTheSmscsError() throws Exception {
        String destination = Recipients.fresh();
        smsc.answerSubmits(sm -> destination.equals(sm.getDestAddress()) ? 0x14 : 0);
        HttpResponse<String> response = gateway.post("/bin/send", GatewayHttp.params()
                .add("USERNAME", "alice").add("PASSWORD", "secret").add("DESTADDR", destination).add("MESSAGE", "refused"));
        assertEquals(200, response.statusCode(), response.body());
        String id = response.body().strip();

        // MAXATTEMPTS=5, RETRYDELAY=1: 1, 2, 4 and 8 s between the attempts
        assertTrue(Eventually.within(ARRIVAL, () -> operator.status(id).contains("STATE=FAILED")), () -> operator.status(id));
        assertEquals(5, smsc.refusedFor(destination).size(), "five attempts, no more");
        assertTrue(operator.status(id).contains("\nSMSCERROR=20\n"), "ESME_RMSGQFUL: " + operator.status(id));
    }

    @Test
    void everyAcceptedMessageArrivesWhenTheSmscDropsTheLinkMidBatch() throws Exception {
        String text = unique("Link drop");
        assertTrue(Eventually.within(ARRIVAL, () -> smsc.boundLinks() > 0), "gateway bound");
        smsc.dropLinksAtSubmit(11);
        GatewayHttp.Params params = GatewayHttp.params().add("USERNAME", "alice").add("PASSWORD", "secret").add("MESSAGE", text);
        List<String> destinations = IntStream.range(0, 60).mapToObj(i -> "4670200" + String.format("%04d", i)).toList();
        destinations.forEach(d -> params.add("DESTADDR", d));
        HttpResponse<String> response = gateway.post("/bin/send", params);
        assertEquals(200, response.statusCode(), response.body());
        response.body().lines().forEach(line -> assertNotEquals('E', line.charAt(0), line));

        assertTrue(Eventually.within(ARRIVAL, () -> arrivedWithText(text).stream()
                .map(SubmitSm::getDestAddress).collect(Collectors.toSet()).containsAll(destinations)),
                "all 60 arrive after the rebind");
        assertTrue(smsc.binds().size() > 0, "the links were dropped and the gateway bound again");
    }
}
