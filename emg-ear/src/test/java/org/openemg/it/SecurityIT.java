package org.openemg.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetSocketAddress;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import org.jsmpp.SMPPConstant;
import org.jsmpp.util.DefaultComposer;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openemg.testkit.GatewayHttp;
import org.openemg.testkit.RawHttp;
import org.openemg.testkit.RawSmppPeer;
import org.openemg.testkit.SmtpDialogue;

/**
 * Ownership and logins on the real server: /bin/status answers a message's own user only, a {SHA256}
 * password logs in, ALLOWIPS refuse other addresses, repeated bad logins lock their address out for
 * every protocol while good logins from elsewhere go on unslowed, and a broken %-escape is ERR 5.
 * The locked-out client connects from the second loopback address (it.crash.host) so that the other
 * tests, from 127.0.0.1, are not touched by its lock.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SecurityIT extends DeployedGatewayTest {

    private static final String HOST = System.getProperty("it.host");
    private static final InetSocketAddress HTTP = new InetSocketAddress(HOST, Integer.getInteger("it.http.port"));
    private static final String ELSEWHERE = System.getProperty("it.crash.host");
    private static final InetSocketAddress SMTP_AUTH = new InetSocketAddress(HOST, Integer.getInteger("it.smtpauth.port"));
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private static String sinkDestination() {
        return "4699" + Recipients.fresh().substring(4);
    }

    private static String sendAs(GatewayHttp client) throws Exception {
        HttpResponse<String> sent = client.get("/bin/send", GatewayHttp.params().add("DESTADDR", sinkDestination())
                .add("MESSAGE", "mine"));
        assertEquals(200, sent.statusCode(), sent.body());
        return sent.body().strip();
    }

    private static String query(String... pairs) {
        StringBuilder q = new StringBuilder();
        for (int i = 0; i < pairs.length; i += 2) {
            q.append(q.length() == 0 ? "?" : "&").append(pairs[i]).append('=')
                    .append(URLEncoder.encode(pairs[i + 1], StandardCharsets.UTF_8));
        }
        return q.toString();
    }

    @Test
    void statusAnswersTheMessagesOwnUserOnly() throws Exception {
        String id = sendAs(gateway.withBasicAuth("alice", "secret"));
        RawHttp http = new RawHttp(null, HTTP, TIMEOUT);

        RawHttp.Response own = http.get("/bin/status.json" + query("ID", id, "USERNAME", "alice", "PASSWORD", "secret"), "");
        assertEquals(200, own.status(), own.body());
        assertTrue(own.body().contains("\"" + id + "\""), own.body());
        HttpResponse<String> ownBasic = gateway.withBasicAuth("alice", "secret").get("/bin/status", GatewayHttp.params().add("ID", id));
        assertEquals(200, ownBasic.statusCode(), ownBasic.body());

        RawHttp.Response others = http.get("/bin/status.json" + query("ID", id, "USERNAME", "bob", "PASSWORD", "plainpass"), "");
        RawHttp.Response unknown = http.get("/bin/status.json" + query("ID", "7999999999999999", "USERNAME", "bob",
                "PASSWORD", "plainpass"), "");
        assertEquals(404, others.status());
        assertEquals(unknown.body(), others.body(), "another's message answers as an unknown id");

        RawHttp.Response anonymous = http.get("/bin/status" + query("ID", id), "");
        assertEquals(401, anonymous.status());
        assertEquals("ERR 3 Invalid login\n", anonymous.body());
        assertTrue(anonymous.hasHeader("WWW-Authenticate"), anonymous.headers());
        RawHttp.Response wrong = http.get("/bin/status.xml" + query("ID", id, "USERNAME", "alice", "PASSWORD", "nope"), "");
        assertEquals(401, wrong.status());
        assertTrue(wrong.body().contains("<status>3</status>"), wrong.body());

        assertEquals(200, http.get("/bin/status" + query("ID", id), basic("operator", "opsecret")).status(),
                "an ADMIN user reads every message");
    }

    @Test
    void aSha256PasswordLogsInWithTheClearOne() throws Exception {
        // alice's users line holds only {SHA256}2bb8...: the hash of "secret"
        sendAs(gateway.withBasicAuth("alice", "secret"));
        HttpResponse<String> withTheHash = gateway.get("/bin/send", GatewayHttp.params().add("USERNAME", "alice")
                .add("PASSWORD", "{SHA256}2bb80d537b1da3e38bd30361aa855686bde0eacd7162fef6a25fe97bf527a25b")
                .add("DESTADDR", sinkDestination()).add("MESSAGE", "x"));
        assertEquals(401, withTheHash.statusCode(), "the hash itself is no password");
    }

    @Test
    void allowIpsRefuseOtherAddressesWithAccessDenied() throws Exception {
        sendAs(gateway.withBasicAuth("lan", "lanpw"));
        RawHttp.Response fromElsewhere = new RawHttp(ELSEWHERE, HTTP, TIMEOUT).get("/bin/send" + query("USERNAME", "lan",
                "PASSWORD", "lanpw", "DESTADDR", sinkDestination(), "MESSAGE", "x"), "");
        assertEquals(403, fromElsewhere.status(), fromElsewhere.body());
        assertEquals("ERR 10 Access denied\n", fromElsewhere.body());
        HttpResponse<String> faraway = gateway.withBasicAuth("faraway", "pw").get("/bin/send",
                GatewayHttp.params().add("DESTADDR", sinkDestination()).add("MESSAGE", "x"));
        assertEquals(403, faraway.statusCode(), faraway.body());
    }

    @Test
    void smtpAuthHonoursAllowIps() throws Exception {
        assertEquals("235", smtpAuth("127.0.0.1", "lan", "lanpw"));
        assertEquals("535", smtpAuth(ELSEWHERE, "lan", "lanpw"), "lan's ALLOWIPS leave that address out");
        assertEquals("235", smtpAuth(ELSEWHERE, "bob", "plainpass"));
    }

    /** The reply code to AUTH PLAIN from {@code localAddress} on smtp-auth. */
    private static String smtpAuth(String localAddress, String user, String password) throws Exception {
        try (SmtpDialogue smtp = new SmtpDialogue(localAddress, SMTP_AUTH)) {
            smtp.reply();
            smtp.say("EHLO client");
            String plain = Base64.getEncoder().encodeToString(("\0" + user + "\0" + password).getBytes(StandardCharsets.UTF_8));
            return smtp.say("AUTH PLAIN " + plain).substring(0, 3);
        }
    }

    /** Last: the other tests log in from the locked-out address too. */
    @Test
    @Order(Integer.MAX_VALUE)
    void repeatedBadLoginsLockTheirAddressOutOfEveryProtocolButNoOneElse() throws Exception {
        RawHttp guesser = new RawHttp(ELSEWHERE, HTTP, TIMEOUT);
        String good = "/bin/send" + query("USERNAME", "bob", "PASSWORD", "plainpass", "DESTADDR", sinkDestination(),
                "MESSAGE", "x");
        assertEquals(200, guesser.get(good, "").status(), "nothing locked before");
        for (int i = 0; i < 5; i++) {
            RawHttp.Response bad = guesser.get("/bin/send" + query("USERNAME", "bob", "PASSWORD", "guess" + i,
                    "DESTADDR", sinkDestination(), "MESSAGE", "x"), "");
            assertEquals(401, bad.status());
        }
        RawHttp.Response locked = guesser.get(good, "");
        assertEquals(401, locked.status(), "the right password while the address is locked out");
        assertEquals("ERR 3 Invalid login\n", locked.body());
        try (RawSmppPeer peer = new RawSmppPeer(ELSEWHERE, HOST, Integer.getInteger("it.smppin.port"))) {
            peer.send(new DefaultComposer().bind(SMPPConstant.CID_BIND_TRANSMITTER, 1, "acme", "secret", "", (byte) 0x34,
                    (byte) 0, (byte) 0, null));
            assertNotEquals(SMPPConstant.STAT_ESME_ROK, peer.read().commandStatus(), "an SMPP bind from there too");
        }
        assertEquals("535", smtpAuth(ELSEWHERE, "bob", "plainpass"), "and SMTP AUTH");

        GatewayHttp elsewhereNot = gateway.withBasicAuth("bob", "plainpass");
        long start = System.nanoTime();
        for (int i = 0; i < 100; i++) {
            HttpResponse<String> fine = elsewhereNot.get("/bin/send", GatewayHttp.params().add("DESTADDR", sinkDestination())
                    .add("MESSAGE", "not slowed"));
            assertEquals(200, fine.statusCode(), fine.body());
        }
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertTrue(millis < 30_000, "100 good logins took " + millis + " ms");
    }

    @Test
    void aBrokenPercentEscapeIsErr5ForGetAndPost() throws Exception {
        RawHttp http = new RawHttp(null, HTTP, TIMEOUT);
        String destination = sinkDestination();
        RawHttp.Response get = http.get("/bin/send?USERNAME=alice&PASSWORD=secret&DESTADDR=" + destination + "&MESSAGE=%", "");
        assertEquals(400, get.status(), get.headers());
        assertEquals("ERR 5 Invalid argument: MESSAGE\n", get.body());
        RawHttp.Response post = http.post("/bin/send.json", "", ("USERNAME=alice&PASSWORD=secret&DESTADDR=" + destination
                + "&MESSAGE=100%+sure").getBytes(StandardCharsets.US_ASCII));
        assertEquals(400, post.status());
        assertEquals("{\"results\":[{\"status\":\"5\",\"statustext\":\"Invalid argument: MESSAGE\"}]}", post.body());
    }

    private static String basic(String user, String password) {
        return "Authorization: Basic " + Base64.getEncoder()
                .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)) + "\r\n";
    }
}
