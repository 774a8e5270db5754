package org.openemg.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openemg.testkit.Eventually;
import org.openemg.testkit.GatewayHttp;

/**
 * POST /admin/info/reload against the EMGDIR the server runs with (the build's copy in target/it-emgdir,
 * which this test rewrites and puts back): a new connector starts and carries messages, a removed one
 * stops, a changed one rebinds, and a broken file is refused with its file and line while the gateway runs on.
 */
class ReloadIT extends DeployedGatewayTest {

    private static final Duration SOON = Duration.ofSeconds(60);
    private static final Path EMGDIR = Path.of(System.getProperty("it.emgdir"));

    private final AdminApi admin = AdminApi.admin();
    private String serverCfg;
    private String routing;

    @BeforeEach
    void keepTheFiles() throws IOException {
        serverCfg = Files.readString(EMGDIR.resolve("server.cfg"), StandardCharsets.UTF_8);
        routing = Files.readString(EMGDIR.resolve("routing"), StandardCharsets.UTF_8);
    }

    @AfterEach
    void putTheFilesBack() throws IOException, InterruptedException {
        Files.writeString(EMGDIR.resolve("server.cfg"), serverCfg, StandardCharsets.UTF_8);
        Files.writeString(EMGDIR.resolve("routing"), routing, StandardCharsets.UTF_8);
        HttpResponse<String> restored = admin.post("/admin/info/reload");
        assertEquals(200, restored.statusCode(), restored.body());
        assertTrue(Eventually.within(SOON, () -> smsc.boundLinks() >= 2), "smpp-out bound again");
    }

    private Map<String, Object> reload(int expectedStatus) throws IOException, InterruptedException {
        HttpResponse<String> response = admin.post("/admin/info/reload");
        assertEquals(expectedStatus, response.statusCode(), response.body());
        @SuppressWarnings("unchecked")
        Map<String, Object> outcome = (Map<String, Object>) AdminApi.json(response.body());
        return outcome;
    }

    private String send(String destAddr) throws IOException, InterruptedException {
        HttpResponse<String> response = gateway.post("/bin/send", GatewayHttp.params()
                .add("USERNAME", "bob").add("PASSWORD", "plainpass").add("DESTADDR", destAddr).add("MESSAGE", "reload"));
        assertEquals(200, response.statusCode(), response.body());
        return response.body().strip();
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> part(String id) {
        return ((List<Map<String, Object>>) admin.readObject("/admin/messages?id=" + id).get("messages")).get(0);
    }

    /** As many as the IT's server.cfg defines, whatever other tests need there. */
    private static int configuredConnectors() throws IOException {
        return (int) Files.readAllLines(EMGDIR.resolve("server.cfg")).stream()
                .filter(line -> line.strip().toUpperCase().startsWith("CONNECTOR ")).count();
    }

    private int runningConnectors() {
        return ((Number) admin.readObject("/admin/info").get("connectors")).intValue();
    }

    @SuppressWarnings("unchecked")
    private boolean listed(String connector) {
        return ((List<Map<String, Object>>) admin.read("/admin/connectors")).stream().anyMatch(c -> connector.equals(c.get("name")));
    }

    @Test
    void aNewConnectorStartsAndARemovedOneStops() throws Exception {
        Files.writeString(EMGDIR.resolve("server.cfg"), serverCfg
                + "\nCONNECTOR sink2 <\nTYPE=OUTGOING\nPROTOCOL=SINK\n>\n", StandardCharsets.UTF_8);
        Files.writeString(EMGDIR.resolve("routing"), "*\tsink2\tDESTADDR=4670310\n" + routing, StandardCharsets.UTF_8);
        Map<String, Object> added = reload(200);
        assertEquals(true, added.get("applied"));
        assertEquals(List.of("sink2"), added.get("added"));
        assertEquals(List.of(), added.get("removed"));
        assertEquals(List.of(), added.get("changed"));
        assertTrue(listed("sink2"));
        assertEquals("UP", admin.connector("sink2").get("state"));
        String id = send("46703100");
        assertTrue(Eventually.within(SOON, () -> "DELIVERED".equals(part(id).get("state"))));
        assertEquals("sink2", part(id).get("outConnector"));
        assertEquals(configuredConnectors(), runningConnectors(), "sink2 among them");

        Files.writeString(EMGDIR.resolve("server.cfg"), serverCfg, StandardCharsets.UTF_8);
        Files.writeString(EMGDIR.resolve("routing"), routing, StandardCharsets.UTF_8);
        Map<String, Object> removed = reload(200);
        assertEquals(List.of("sink2"), removed.get("removed"));
        assertEquals(Map.of("sink2", 0L), removed.get("leftQueued"));
        assertFalse(listed("sink2"));
        String rerouted = send("46703101");
        assertTrue(Eventually.within(SOON, () -> "smpp-out".equals(part(rerouted).get("outConnector"))
                && smsc.acceptedFor("46703101").size() == 1), "the routing without sink2 applies");
    }

    @Test
    void aChangedConnectorRebinds() throws Exception {
        int unbinds = smsc.unbinds();
        Files.writeString(EMGDIR.resolve("server.cfg"), serverCfg.replace("WINDOWSIZE=10\nKEEPALIVE=5",
                "WINDOWSIZE=5\nKEEPALIVE=5"), StandardCharsets.UTF_8);
        Map<String, Object> outcome = reload(200);
        assertEquals(List.of("smpp-out"), outcome.get("changed"));
        assertTrue(Eventually.within(SOON, () -> smsc.unbinds() >= unbinds + 2), "the old binds unbound");
        assertTrue(Eventually.within(SOON, () -> smsc.boundLinks() == 2), "and bound again");
        assertTrue(Eventually.within(SOON, () -> ((Number) admin.connector("smpp-out").get("windowSize")).intValue() == 10),
                "two binds of window 5");
        send("46703200");
        assertTrue(Eventually.within(SOON, () -> smsc.acceptedFor("46703200").size() == 1));
    }

    @Test
    void aBrokenFileIsRefusedWithFileAndLineAndChangesNothing() throws Exception {
        int running = runningConnectors();
        String broken = serverCfg + "\nCONNECTOR sink3 <\nTYPE=OUTGOING\nPROTOCOL=SINK\nNOSUCHKEYWORD=1\n>\n";
        Files.writeString(EMGDIR.resolve("server.cfg"), broken, StandardCharsets.UTF_8);
        int badLine = (int) broken.lines().takeWhile(l -> !l.startsWith("NOSUCHKEYWORD")).count() + 1;
        Map<String, Object> refused = reload(400);
        assertEquals(false, refused.get("applied"));
        assertEquals("server.cfg", refused.get("file"));
        assertEquals(badLine, ((Number) refused.get("line")).intValue());
        assertTrue(String.valueOf(refused.get("problem")).contains("NOSUCHKEYWORD"), refused.toString());
        assertFalse(listed("sink3"));
        assertEquals(running, runningConnectors());

        Files.writeString(EMGDIR.resolve("server.cfg"), serverCfg, StandardCharsets.UTF_8);
        Files.writeString(EMGDIR.resolve("routing"), "*\tnowhere\n", StandardCharsets.UTF_8);
        Map<String, Object> badRouting = reload(400);
        assertEquals("routing", badRouting.get("file"));
        assertEquals(1, ((Number) badRouting.get("line")).intValue());
        send("46703300");
        assertTrue(Eventually.within(SOON, () -> smsc.acceptedFor("46703300").size() == 1), "the gateway runs on as before");
    }
}
