package org.openemg.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openemg.testkit.Eventually;
import org.openemg.testkit.GatewayHttp;

/** Every /admin endpoint from outside, with HTTP Basic: who gets in, what it shows, what its actions do. */
class AdminApiIT extends DeployedGatewayTest {

    private static final Duration SOON = Duration.ofSeconds(60);

    private final AdminApi admin = AdminApi.admin();

    private String send(String destAddr, String text) throws IOException, InterruptedException {
        HttpResponse<String> response = gateway.post("/bin/send", GatewayHttp.params()
                .add("USERNAME", "bob").add("PASSWORD", "plainpass").add("DESTADDR", destAddr).add("MESSAGE", text));
        assertEquals(200, response.statusCode(), response.body());
        return response.body().strip();
    }

    private List<String> sendMany(String prefix, int count) throws IOException, InterruptedException {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            ids.add(send(prefix + i, "admin test " + prefix + i));
        }
        return ids;
    }

    private int arrivedFor(String prefix) {
        return (int) smsc.accepted().stream().filter(s -> s.getDestAddress().startsWith(prefix)).count();
    }

    /** Whether every one of the messages is in that state (messages of earlier tests may share the queue). */
    private boolean allIn(List<String> ids, String state) {
        return ids.stream().allMatch(id -> state.equals(messages("id=" + id).get(0).get("state")));
    }

    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> messages(String query) {
        return (List<Map<String, Object>>) admin.readObject("/admin/messages?" + query).get("messages");
    }

    @Test
    void onlyUsersWithAdminGetIn() throws Exception {
        int depth = admin.queueDepth("smpp-out");
        for (String path : List.of("/admin/info", "/admin/connectors", "/admin/queue/smpp-out", "/admin/messages",
                "/admin/users", "/admin/messages/1")) {
            HttpResponse<String> none = AdminApi.anonymous().get(path);
            assertEquals(401, none.statusCode(), path);
            assertTrue(none.headers().firstValue("WWW-Authenticate").orElse("").startsWith("Basic"), path);
            assertEquals(401, AdminApi.of("admin", "wrong").get(path).statusCode(), path);
            assertEquals(403, AdminApi.of("bob", "plainpass").get(path).statusCode(), path);
        }
        for (String path : List.of("/admin/info/reload", "/admin/connector/smpp-out/hold", "/admin/connector/smpp-out/clear",
                "/admin/connector/smpp-out/bounce", "/admin/connector/smpp-out/forceclose/1",
                "/admin/connector/smpp-out/moveall/sink", "/admin/connector/smpp-out/unhold")) {
            assertEquals(401, AdminApi.anonymous().post(path).statusCode(), path);
            assertEquals(403, AdminApi.of("bob", "plainpass").post(path).statusCode(), path);
        }
        assertEquals(depth, admin.queueDepth("smpp-out"), "the refused actions did nothing");
        assertEquals(false, admin.connector("smpp-out").get("held"));
    }

    @Test
    void infoNamesTheGatewayAndItsConfiguration() throws Exception {
        Map<String, Object> info = admin.readObject("/admin/info");
        assertEquals("openemg", info.get("product"));
        assertTrue(String.valueOf(info.get("version")).matches("[0-9].*"), info.toString());
        assertEquals(System.getProperty("it.emgdir"), info.get("emgDir"));
        assertEquals(7, ((Number) info.get("nodeId")).intValue());
        assertEquals(((List<?>) admin.read("/admin/connectors")).size(), ((Number) info.get("connectors")).intValue(),
                "every connector of server.cfg");
        assertTrue(((Number) info.get("uptimeSeconds")).longValue() >= 0);
    }

    @Test
    void connectorsShowTheirLinksAndState() throws Exception {
        Map<String, Object> smppOut = admin.connector("smpp-out");
        assertEquals("SMPP", smppOut.get("protocol"));
        assertEquals("OUTGOING", smppOut.get("direction"));
        assertEquals("UP", smppOut.get("state"));
        assertEquals(2, ((Number) smppOut.get("linksConfigured")).intValue());
        assertEquals(2, ((Number) smppOut.get("linksUp")).intValue());
        assertEquals(20, ((Number) smppOut.get("windowSize")).intValue());
        assertEquals("ELSEWHERE", admin.connector("http-in").get("state"));
        assertEquals("UP", admin.connector("sink").get("state"));
        assertEquals("UNAVAILABLE", admin.connector("pap-out").get("state"));
    }

    @Test
    void aHeldConnectorKeepsItsQueueUntilReleased() throws Exception {
        admin.act("/admin/connector/smpp-out/hold");
        try {
            assertEquals("HELD", admin.connector("smpp-out").get("state"));
            int before = admin.queueDepth("smpp-out");
            List<String> ids = sendMany("4670210", 5);
            assertTrue(Eventually.within(SOON, () -> allIn(ids, "QUEUED")), "5 queued while held");
            assertEquals(before + 5, admin.queueDepth("smpp-out"));
            Thread.sleep(1_500);
            assertEquals(0, arrivedFor("4670210"), "nothing sent while held");
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> queue = (List<Map<String, Object>>) admin.readObject("/admin/queue/smpp-out?limit=1000").get("messages");
            assertEquals(before + 5, queue.size());
            List<Object> queuedIds = queue.stream().map(m -> String.valueOf(((Number) m.get("messageId")).longValue())).map(Object.class::cast).toList();
            assertTrue(queuedIds.containsAll(ids), queuedIds + " holds " + ids);
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> page = (List<Map<String, Object>>) admin.readObject("/admin/queue/smpp-out?offset=1&limit=2").get("messages");
            assertEquals(queue.subList(1, 3), page);
        } finally {
            admin.act("/admin/connector/smpp-out/unhold");
        }
        assertTrue(Eventually.within(SOON, () -> arrivedFor("4670210") == 5), "sent once released");
        assertTrue(Eventually.within(SOON, () -> ((Number) admin.connector("smpp-out").get("sentPerSecond")).doubleValue() > 0));
    }

    @Test
    @SuppressWarnings("unchecked")
    void clearDeletesTheQueue() throws Exception {
        admin.act("/admin/connector/smpp-out/hold");
        List<String> ids;
        String withReport;
        try {
            ids = sendMany("4670220", 3);
            HttpResponse<String> asked = gateway.post("/bin/send", GatewayHttp.params().add("USERNAME", "bob")
                    .add("PASSWORD", "plainpass").add("DESTADDR", "46702209").add("MESSAGE", "report please").add("DLR", "1"));
            assertEquals(200, asked.statusCode(), asked.body());
            withReport = asked.body().strip();
            List<String> all = new ArrayList<>(ids);
            all.add(withReport);
            assertTrue(Eventually.within(SOON, () -> allIn(all, "QUEUED")));
            Map<String, Object> cleared = admin.act("/admin/connector/smpp-out/clear");
            assertTrue(((Number) cleared.get("affected")).intValue() >= 4, cleared.toString());
            assertEquals(0, ((Number) admin.connector("smpp-out").get("queued")).intValue());
        } finally {
            admin.act("/admin/connector/smpp-out/unhold");
        }
        for (String id : ids) {
            assertEquals("DELETED", messages("id=" + id).get(0).get("state"));
            assertEquals(null, admin.readObject("/admin/messages/" + id).get("dlrId"), "no DLR asked, none issued");
        }
        Map<String, Object> history = admin.readObject("/admin/messages/" + withReport);
        assertEquals("DELETED", ((List<Map<String, Object>>) history.get("parts")).get(0).get("state"));
        assertTrue(history.get("dlrId") != null, "the DLR asked for was issued: " + history);
        assertEquals("http-out", ((List<Map<String, Object>>) history.get("dlr")).get(0).get("outConnector"));
        Thread.sleep(1_500);
        assertEquals(0, arrivedFor("4670220"));
    }

    @Test
    void moveAllHandsTheQueueToAnotherConnector() throws Exception {
        admin.act("/admin/connector/smpp-out/hold");
        List<String> ids;
        try {
            ids = sendMany("4670230", 2);
            assertTrue(Eventually.within(SOON, () -> allIn(ids, "QUEUED")));
            Map<String, Object> moved = admin.act("/admin/connector/smpp-out/moveall/sink");
            assertTrue(((Number) moved.get("affected")).intValue() >= 2, moved.toString());
            assertEquals(0, ((Number) admin.connector("smpp-out").get("queued")).intValue());
        } finally {
            admin.act("/admin/connector/smpp-out/unhold");
        }
        for (String id : ids) {
            assertTrue(Eventually.within(SOON, () -> "DELIVERED".equals(messages("id=" + id).get(0).get("state"))));
            assertEquals("sink", messages("id=" + id).get(0).get("outConnector"));
        }
        assertEquals(400, admin.post("/admin/connector/smpp-out/moveall/http-in").statusCode(), "not an outgoing connector");
    }

    @Test
    void bounceRebindsAndForceCloseStopsUntilOpened() throws Exception {
        int unbinds = smsc.unbinds();
        admin.act("/admin/connector/smpp-out/bounce");
        assertTrue(Eventually.within(SOON, () -> smsc.unbinds() >= unbinds + 2), "both binds closed");
        assertTrue(Eventually.within(SOON, () -> smsc.boundLinks() == 2), "and bound again");

        admin.act("/admin/connector/smpp-out/forceclose/1");
        try {
            assertEquals("CLOSED", admin.connector("smpp-out").get("state"));
            assertTrue(Eventually.within(SOON, () -> smsc.boundLinks() == 0));
            send("46702400", "while closed");
            Thread.sleep(1_500);
            assertEquals(0, arrivedFor("46702400"));
        } finally {
            admin.act("/admin/connector/smpp-out/forceclose/0");
        }
        assertTrue(Eventually.within(SOON, () -> smsc.boundLinks() == 2));
        assertTrue(Eventually.within(SOON, () -> arrivedFor("46702400") == 1), "sent once opened");
        assertEquals(404, admin.post("/admin/connector/smpp-out/forceclose/2").statusCode());
        assertEquals(400, admin.post("/admin/connector/http-in/bounce").statusCode());
    }

    @Test
    void theMessageLogIsSearchedByEveryCriterion() throws Exception {
        long before = System.currentTimeMillis();
        String id = send("46702500", "log search");
        assertTrue(Eventually.within(SOON, () -> "DELIVERED".equals(messages("id=" + id).get(0).get("state"))
                || "SUBMITTED".equals(messages("id=" + id).get(0).get("state"))));
        Map<String, Object> part = messages("id=" + id).get(0);
        assertEquals("http-in", part.get("inConnector"));
        assertEquals("smpp-out", part.get("outConnector"));
        assertEquals("bob", part.get("username"));
        assertEquals(id, String.valueOf(((Number) part.get("messageId")).longValue()));
        assertTrue(messages("destaddr=46702500").stream().anyMatch(m -> id.equals(String.valueOf(((Number) m.get("messageId")).longValue()))));
        assertTrue(messages("user=bob&connector=smpp-out&limit=1000").stream()
                .anyMatch(m -> id.equals(String.valueOf(((Number) m.get("messageId")).longValue()))));
        assertTrue(messages("destaddr=46702500&from=" + Instant.ofEpochMilli(before - 1000) + "&to=" + (System.currentTimeMillis() + 1000)).size() >= 1);
        assertEquals(List.of(), messages("destaddr=46702500&to=" + Instant.ofEpochMilli(before - 60_000)));
        assertEquals(List.of(), messages("destaddr=46702500&state=EXPIRED"));
        assertEquals(400, admin.get("/admin/messages?state=LOST").statusCode());
        assertEquals(400, admin.get("/admin/messages?limit=0").statusCode());

        Map<String, Object> history = admin.readObject("/admin/messages/" + id);
        @SuppressWarnings("unchecked")
        Map<String, Object> options = (Map<String, Object>) history.get("options");
        assertEquals("log search", options.get("MESSAGE"));
        assertFalse(options.containsKey("PASSWORD"));
        assertEquals(1, ((List<?>) history.get("parts")).size());
        assertEquals(404, admin.get("/admin/messages/999999999999").statusCode());
    }

    @Test
    void usersOfTheRunningConfigurationWithTheirAdminFlag() throws Exception {
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> users = (List<Map<String, Object>>) admin.read("/admin/users");
        assertTrue(users.stream().anyMatch(u -> "admin".equals(u.get("username")) && Boolean.TRUE.equals(u.get("admin"))
                && "http-in".equals(u.get("connector"))), users.toString());
        assertTrue(users.stream().anyMatch(u -> "bob".equals(u.get("username")) && Boolean.FALSE.equals(u.get("admin"))));
        assertTrue(users.stream().anyMatch(u -> "acme".equals(u.get("username")) && "smpp-in".equals(u.get("connector"))));
        assertFalse(users.toString().contains("plainpass"));
        assertTrue(users.stream().anyMatch(u -> "payer".equals(u.get("username")) && u.get("balance") != null),
                "a user with BALANCE shows the balance the database keeps: " + users);
        assertTrue(users.stream().anyMatch(u -> "bob".equals(u.get("username")) && u.get("balance") == null),
                "a user without an account has none");
    }

    @Test
    void anUnknownConnectorIsNotFound() throws Exception {
        assertEquals(404, admin.get("/admin/queue/nope").statusCode());
        assertEquals(404, admin.post("/admin/connector/nope/hold").statusCode());
        assertEquals(404, admin.post("/admin/connector/smpp-out/moveall/nope").statusCode());
    }

    @Test
    void theRootPageNamesTheGatewayAndTheConsole() throws Exception {
        HttpResponse<String> root = AdminApi.anonymous().get("/");
        assertEquals(200, root.statusCode());
        assertTrue(root.body().contains("openemg"), root.body());
        assertTrue(root.body().contains("/admin/"), root.body());
        HttpResponse<String> console = AdminApi.of("admin", "adminpass").get("/admin/console.js");
        assertEquals(200, console.statusCode());
        assertTrue(console.body().contains("showConnectors"));
    }
}
