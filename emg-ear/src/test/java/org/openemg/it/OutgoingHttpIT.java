package org.openemg.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openemg.testkit.CallbackServer;
import org.openemg.testkit.Eventually;
import org.openemg.testkit.GatewayHttp;

/** A message routed to http-out is POSTed to its URL with its options; only a 2xx counts, and refusals are retried. */
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
        HttpResponse<String> response = gateway.post("/bin/send", GatewayHttp.params()
                .add("USERNAME", "alice").add("PASSWORD", "secret").add("SOURCEADDR", "46701112222")
                .add("DESTADDR", "4696" + Recipients.fresh().substring(4)).add("MESSAGE", text));
        assertEquals(200, response.statusCode(), response.body());
        return response.body().strip();
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
        assertTrue(Eventually.within(ARRIVAL, () -> gateway.status(id).contains("STATE=DELIVERED")), () -> gateway.status(id));
    }

    @Test
    void aUrlThatRefusesTwiceIsCalledAgainUntilItTakesTheMessage() throws Exception {
        callbacks.refuseNext(2, 503);
        String id = send("refused twice first");

        assertTrue(Eventually.within(ARRIVAL, () -> gateway.status(id).contains("STATE=DELIVERED")), () -> gateway.status(id));
        List<CallbackServer.Call> calls = callbacks.callsWith("ID", id);
        assertEquals(3, calls.size(), "two refusals, then the call that took it");
    }
}
