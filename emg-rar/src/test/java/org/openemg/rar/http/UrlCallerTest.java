package org.openemg.rar.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openemg.core.config.CallMethod;
import org.openemg.core.message.Options;
import org.openemg.rar.api.OutgoingMessage;
import org.openemg.rar.api.SendOutcome;
import org.openemg.rar.api.SendResult;
import org.openemg.rar.work.ResultsOnly;
import org.openemg.rar.work.ThreadPerTask;
import org.openemg.testkit.Eventually;

class UrlCallerTest {

    private record Call(String method, String path, String query, String contentType, String body) {
    }

    private final BlockingQueue<Call> calls = new LinkedBlockingQueue<>();
    private final List<SendResult> results = new ArrayList<>();
    private final AtomicInteger refusalsLeft = new AtomicInteger();
    private HttpServer server;
    private UrlCaller caller;

    @AfterEach
    void stop() {
        if (caller != null) {
            caller.stop();
        }
        if (server != null) {
            server.stop(0);
        }
    }

    private URI serve() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/dlr", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            calls.add(new Call(exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
                    exchange.getRequestURI().getRawQuery(), exchange.getRequestHeaders().getFirst("Content-Type"),
                    new String(body, StandardCharsets.UTF_8)));
            exchange.sendResponseHeaders(refusalsLeft.getAndDecrement() > 0 ? 503 : 200, -1);
            exchange.close();
        });
        server.start();
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/dlr?key=k");
    }

    private UrlCaller start(URI url, CallMethod method) {
        caller = new UrlCaller(new OutgoingHttpSettings("http-out", url, method, 4), new ResultsOnly((connector, group) -> {
            synchronized (results) {
                results.addAll(group);
            }
        }), new ThreadPerTask());
        caller.start();
        return caller;
    }

    private static OutgoingMessage dlr(long id) {
        return new OutgoingMessage(id, new Options().set("MSGTYPE", "5").set("ORIGID", "7000000000000001")
                .set("MESSAGESTATE", "DELIVERED").set("MESSAGE", "å ok"));
    }

    private List<SendResult> awaitResults(int count) throws InterruptedException {
        assertTrue(Eventually.within(Duration.ofSeconds(20), () -> {
            synchronized (results) {
                return results.size() >= count;
            }
        }), () -> "results: " + results);
        synchronized (results) {
            return List.copyOf(results);
        }
    }

    @Test
    void getCallsTheUrlWithTheOptionsInItsQuery() throws Exception {
        start(serve(), CallMethod.GET).send(List.of(dlr(1)));

        Call call = calls.take();
        assertEquals("GET", call.method());
        assertEquals("key=k&MSGTYPE=5&ORIGID=7000000000000001&MESSAGESTATE=DELIVERED&MESSAGE=%C3%A5+ok", call.query());
        assertEquals(List.of(new SendResult(1, SendOutcome.DELIVERED, 200, null)), awaitResults(1));
    }

    @Test
    void postSendsTheOptionsAsAForm() throws Exception {
        start(serve(), CallMethod.POST).send(List.of(dlr(2)));

        Call call = calls.take();
        assertEquals("POST", call.method());
        assertEquals("key=k", call.query());
        assertEquals("MSGTYPE=5&ORIGID=7000000000000001&MESSAGESTATE=DELIVERED&MESSAGE=%C3%A5+ok", call.body());
        assertEquals(SendOutcome.DELIVERED, awaitResults(1).get(0).outcome());
    }

    private OutgoingMessage pushDlr(long id, String notifyTo) {
        Options options = dlr(id).options().set("SUBMITDATE", "20261201101530").set("DONEDATE", "20261201101605")
                .set("PAP_PUSHID", "push-" + id).set("PAP_ADDRESS", "WAPPUSH=+46701234567/TYPE=PLMN")
                .set("PAP_VERSION", "2.0").set("PAP_NOTIFYTO", notifyTo);
        return new OutgoingMessage(id, options);
    }

    @Test
    void papPostsTheResultNotificationToThePushsUrl() throws Exception {
        URI address = serve();
        start(URI.create("http://127.0.0.1:9/dummy"), CallMethod.PAP).send(List.of(pushDlr(6, address + "&push=6")));

        Call call = calls.take();
        assertEquals("POST", call.method());
        assertEquals("/dlr", call.path());
        assertEquals("key=k&push=6", call.query());
        assertEquals("application/xml; charset=UTF-8", call.contentType());
        assertTrue(call.body().contains("<resultnotification-message push-id=\"push-6\""), call.body());
        assertTrue(call.body().contains(" message-state=\"delivered\" code=\"1000\""), call.body());
        assertEquals(new SendResult(6, SendOutcome.DELIVERED, 200, null), awaitResults(1).get(0));
    }

    @Test
    void papWithoutAPushsUrlPostsToTheConnectorsAddress() throws Exception {
        start(serve(), CallMethod.PAP).send(List.of(pushDlr(7, null)));

        assertEquals("key=k", calls.take().query());
    }

    @Test
    void papRejectsAMessageThatIsNoDlrOfAPush() throws Exception {
        start(serve(), CallMethod.PAP).send(List.of(dlr(8)));

        assertEquals(new SendResult(8, SendOutcome.REJECTED, 0, null), awaitResults(1).get(0));
        assertEquals(0, calls.size());
    }

    @Test
    void onlyA2xxCountsAnythingElseIsRetried() throws Exception {
        refusalsLeft.set(1);
        UrlCaller started = start(serve(), CallMethod.GET);
        started.send(List.of(dlr(3)));
        assertEquals(new SendResult(3, SendOutcome.RETRY, 503, null), awaitResults(1).get(0));

        started.send(List.of(dlr(3)));
        assertEquals(new SendResult(3, SendOutcome.DELIVERED, 200, null), awaitResults(2).get(1));
        assertEquals(2, calls.size());
    }

    @Test
    void aUrlNobodyAnswersIsRetried() throws Exception {
        int closedPort;
        try (ServerSocket probe = new ServerSocket(0)) {
            closedPort = probe.getLocalPort();
        }
        start(URI.create("http://127.0.0.1:" + closedPort + "/dlr"), CallMethod.GET).send(List.of(dlr(4)));

        assertEquals(SendOutcome.RETRY, awaitResults(1).get(0).outcome());
    }

    @Test
    void manyCallsAreEachAnsweredOnce() throws Exception {
        UrlCaller started = start(serve(), CallMethod.GET);
        List<OutgoingMessage> batch = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            batch.add(dlr(100 + i));
        }
        started.send(batch);

        List<SendResult> all = awaitResults(50);
        assertEquals(50, all.stream().map(SendResult::messageId).distinct().count());
        assertTrue(all.stream().allMatch(r -> r.outcome() == SendOutcome.DELIVERED));
    }

    @Test
    void afterTheStopMessagesAreHandedBackLinkLost() throws Exception {
        UrlCaller started = start(serve(), CallMethod.GET);
        started.stop();
        started.send(List.of(dlr(5)));

        assertEquals(new SendResult(5, SendOutcome.LINK_LOST, 0, null), awaitResults(1).get(0));
        assertEquals(0, started.readyCount());
    }
}
