package org.openemg.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsmpp.SMPPConstant;
import org.jsmpp.util.DefaultComposer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openemg.testkit.GatewayHttp;
import org.openemg.testkit.PushInitiator;
import org.openemg.testkit.RawHttp;
import org.openemg.testkit.RawSmppPeer;
import org.openemg.testkit.SmtpDialogue;

/**
 * Hostile input on every incoming protocol, generated from a fixed seed for a fixed time each
 * ({@code -Dit.fuzz.seed}, {@code -Dit.fuzz.seconds}, 20 s by default; longer runs take a larger value).
 * Each request must get a clear error within the timeout (HTTP 4xx with one ERR line or only ERR lines,
 * an SMPP error status or generic_nack or a closed connection, SMTP 4xx/5xx, a PAP code of 2000 and up
 * or HTTP 4xx), the server must still serve a good request afterwards, and no message may be stored
 * without its id having been answered: every id the gateway handed out between a good message before
 * and one after is either unknown to /bin/status or one a fuzz request got back.
 * Credit is not checked here: this branch has no balances yet.
 */
class FuzzIT extends DeployedGatewayTest {

    private static final long SEED = Long.getLong("it.fuzz.seed", 20_261_202L);
    private static final Duration BUDGET = Duration.ofSeconds(Long.getLong("it.fuzz.seconds", 20));
    private static final Duration ANSWER = Duration.ofSeconds(30);
    /** For the requests of 100,000 recipients, on a machine other builds share. */
    private static final Duration LONG_ANSWER = Duration.ofSeconds(90);
    private static final String HOST = System.getProperty("it.host");
    private static final String ELSEWHERE = System.getProperty("it.crash.host");
    private static final InetSocketAddress HTTP = new InetSocketAddress(HOST, Integer.getInteger("it.http.port"));
    private static final InetSocketAddress SMTP = new InetSocketAddress(HOST, Integer.getInteger("it.smtp.port"));
    private static final int SMPP_PORT = Integer.getInteger("it.smppin.port");
    private static final String CREDENTIALS = "USERNAME=alice&PASSWORD=secret";
    private static final Pattern ERR_LINE = Pattern.compile("ERR \\d+ [^\\r\\n]+\\n");
    private static final Pattern SMTP_ID = Pattern.compile("\\(id=(7\\d{15})\\)");
    private static final DefaultComposer COMPOSER = new DefaultComposer();

    private Random random;
    private final Set<Long> answeredIds = new HashSet<>();
    private long before;
    private int requests;

    @BeforeEach
    void goodMessageBefore() throws Exception {
        random = new Random(SEED);
        before = goodMessage();
    }

    private static long goodMessage() throws IOException, InterruptedException {
        HttpResponse<String> sent = gateway.post("/bin/send", GatewayHttp.params().add("USERNAME", "alice")
                .add("PASSWORD", "secret").add("DESTADDR", Recipients.fresh()).add("MESSAGE", "good"));
        assertEquals(200, sent.statusCode(), "the gateway still serves a good request: " + sent.body());
        return Long.parseLong(sent.body().strip());
    }

    /** The server still answers a good request, and it stored no message whose id nobody was told. */
    private void nothingHalfWritten(String protocol) throws Exception {
        long after = goodMessage();
        assertTrue(after - before < 20_000, "ids handed out during the fuzzing: " + (after - before));
        for (long id = before + 1; id < after; id++) {
            if (!answeredIds.contains(id) && operator.get("/bin/status", GatewayHttp.params().add("ID", Long.toString(id)))
                    .statusCode() == 200) {
                fail(protocol + ": message " + id + " was stored but its id was never answered");
            }
        }
        System.out.printf("FuzzIT %s: %d requests in %s, seed %d, %d messages accepted%n", protocol, requests, BUDGET, SEED,
                answeredIds.size());
        assertTrue(requests > 10, "fuzzing ran");
    }

    private boolean moreTime(long startNanos) {
        requests++;
        return System.nanoTime() - startNanos < BUDGET.toNanos();
    }

    // ---- HTTP

    @Test
    void httpParametersAndBodies() throws Exception {
        RawHttp http = new RawHttp(null, HTTP, ANSWER);
        RawHttp patient = new RawHttp(null, HTTP, LONG_ANSWER);
        long hundredThousand = System.nanoTime();
        checkHttp(patient, "100,000 bad DESTADDR", post(CREDENTIALS + "&MESSAGE=x" + "&DESTADDR=x1".repeat(100_000)), 100_000);
        System.out.printf("FuzzIT HTTP: 100,000 bad DESTADDR answered in %d ms%n", (System.nanoTime() - hundredThousand) / 1_000_000);
        checkHttp(patient, "100,000 DESTADDR and a broken escape", post(CREDENTIALS + "&MESSAGE=%E"
                + "&DESTADDR=46701234567".repeat(100_000)), 1);
        long start = System.nanoTime();
        while (moreTime(start)) {
            String params = switch (random.nextInt(5)) {
                case 0 -> brokenEscape();
                case 1 -> withoutDestination();
                case 2 -> badDestinations();
                case 3 -> badOptionValue();
                default -> hugeValueWithoutDestination();
            };
            boolean viaGet = params.length() < 4_000 && random.nextBoolean();
            String path = "/bin/send" + new String[] {"", ".json", ".xml"}[random.nextInt(3)];
            byte[] request = viaGet ? get(path, params) : post(path, params);
            checkHttp(http, params.length() > 300 ? params.substring(0, 300) + "..." : params, request, -1);
        }
        nothingHalfWritten("HTTP");
    }

    private static byte[] get(String path, String params) {
        return ("GET " + path + "?" + params + " HTTP/1.1\r\nHost: gateway\r\nConnection: close\r\n\r\n")
                .getBytes(StandardCharsets.ISO_8859_1);
    }

    private static byte[] post(String params) {
        return post("/bin/send", params);
    }

    private static byte[] post(String path, String params) {
        byte[] body = params.getBytes(StandardCharsets.ISO_8859_1);
        ByteArrayOutputStream request = new ByteArrayOutputStream();
        request.writeBytes(("POST " + path + " HTTP/1.1\r\nHost: gateway\r\nContent-Type: application/x-www-form-urlencoded"
                + "\r\nContent-Length: " + body.length + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
        request.writeBytes(body);
        return request.toByteArray();
    }

    /** One request: answered in time, with an error in the requested format; {@code errLines} ERR lines when known. */
    private void checkHttp(RawHttp http, String what, byte[] request, int errLines) {
        RawHttp.Response response;
        try {
            response = http.exchange(request);
        } catch (IOException e) {
            throw new AssertionError("HTTP not answered in time (" + e + "): " + what, e);
        }
        String body = response.body();
        boolean json = body.startsWith("{");
        boolean xml = body.startsWith("<");
        if (response.status() >= 400 && response.status() < 500) {
            if (json) {
                assertTrue(body.matches("\\{\"results\":\\[\\{\"status\":\"\\d+\",\"statustext\":\"[^\"]+\"}]}"), what + " -> " + body);
            } else if (xml) {
                assertTrue(body.matches("<response><results><result><status>\\d+</status><statustext>[^<]+</statustext>"
                        + "</result></results></response>\\s*"), what + " -> " + body);
            } else {
                assertTrue(ERR_LINE.matcher(body).matches(), what + " -> " + response.status() + " " + body);
            }
        } else if (response.status() == 200) {
            int errors = 0;
            if (json || xml) {
                assertTrue(!body.contains("\"status\":\"0\"") && !body.contains("<status>0</status>"), what + " -> " + body);
            } else {
                for (String line : body.split("\n")) {
                    assertTrue(ERR_LINE.matcher(line + "\n").matches(), what + " -> a line " + line);
                    errors++;
                }
                if (errLines >= 0) {
                    assertEquals(errLines, errors, what);
                }
            }
        } else {
            fail(what + " -> HTTP " + response.status() + " " + body);
        }
    }

    private String anyValue(int maxLength) {
        StringBuilder value = new StringBuilder();
        int length = random.nextInt(maxLength + 1);
        for (int i = 0; i < length; i++) {
            int kind = random.nextInt(6);
            if (kind == 0) {
                value.append(String.format("%%%02X", random.nextInt(0x20)));
            } else if (kind == 1) {
                value.append(String.format("%%%02X", 0x80 + random.nextInt(0x80)));
            } else if (kind == 2) {
                value.append("%25+%26%3D");
            } else {
                value.append((char) ('a' + random.nextInt(26)));
            }
        }
        return value.toString();
    }

    private String brokenEscape() {
        // followed by a 'z', so that no hex digit of the next character completes it
        String broken = new String[] {"%", "%4", "%G1", "%%", "%x", "%-1"}[random.nextInt(6)];
        String name = new String[] {"MESSAGE", "DESTADDR", "SOURCEADDR", "DLR", "X" + random.nextInt(100)}[random.nextInt(5)];
        String[] parts = {CREDENTIALS, "DESTADDR=" + Recipients.fresh(), "MESSAGE=" + anyValue(30),
            name + "=" + anyValue(10) + broken + "z" + anyValue(10)};
        shuffle(parts);
        return String.join("&", parts);
    }

    private String withoutDestination() {
        StringBuilder params = new StringBuilder(CREDENTIALS);
        for (int i = random.nextInt(20); i > 0; i--) {
            params.append('&').append(random.nextBoolean() ? "MESSAGE" : "Z" + random.nextInt(1000)).append('=').append(anyValue(50));
        }
        return params.toString();
    }

    private String badDestinations() {
        StringBuilder params = new StringBuilder(CREDENTIALS).append("&MESSAGE=").append(anyValue(40));
        for (int i = 1 + random.nextInt(50); i > 0; i--) {
            String bad = switch (random.nextInt(5)) {
                case 0 -> "";
                case 1 -> "1".repeat(21 + random.nextInt(100));
                case 2 -> "%2B%2B" + random.nextInt(1000);
                case 3 -> "4670" + (char) ('a' + random.nextInt(26));
                default -> "%00" + random.nextInt(1000);
            };
            params.append("&DESTADDR=").append(bad);
        }
        return params.toString();
    }

    private String badOptionValue() {
        String option = new String[] {"VP", "DELTIME", "DLR"}[random.nextInt(3)];
        String value = new String[] {"soon", "tomorrow", "99999999999999999999", "%00", anyValue(8) + "x"}[random.nextInt(5)];
        return CREDENTIALS + "&DESTADDR=" + Recipients.fresh() + "&MESSAGE=x&" + option + "=" + value;
    }

    private String hugeValueWithoutDestination() {
        return CREDENTIALS + "&MESSAGE=" + "%01A%7F".repeat(1 + random.nextInt(200_000));
    }

    private void shuffle(String[] parts) {
        for (int i = parts.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            String t = parts[i];
            parts[i] = parts[j];
            parts[j] = t;
        }
    }

    // ---- SMPP

    @Test
    void smppPdus() throws Exception {
        RawSmppPeer peer = boundPeer();
        long start = System.nanoTime();
        int sequence = 10;
        while (moreTime(start)) {
            sequence++;
            int kind = random.nextInt(9);
            byte[] pdu = switch (kind) {
                case 0 -> submitSm(sequence, "x" + random.nextInt(1000), unknownTlvs(), random.nextInt(160));
                case 1 -> cut(submitSm(sequence, Recipients.fresh(), new byte[0], 20), 17 + random.nextInt(30));
                case 2 -> lyingTlv(submitSm(sequence, Recipients.fresh(), new byte[0], 10));
                case 3 -> lyingSmLength(sequence);
                case 4 -> withGarbage(0x00000200 + random.nextInt(0x7fff_0000), sequence, random.nextInt(200));
                case 5 -> withGarbage(new int[] {SMPPConstant.CID_QUERY_SM, SMPPConstant.CID_CANCEL_SM,
                    SMPPConstant.CID_REPLACE_SM, SMPPConstant.CID_ENQUIRE_LINK, SMPPConstant.CID_BIND_TRANSCEIVER,
                    SMPPConstant.CID_SUBMIT_MULTI, SMPPConstant.CID_DATA_SM}[random.nextInt(7)], sequence, 1 + random.nextInt(100));
                case 6 -> header(2_000_000 + random.nextInt(1 << 30), SMPPConstant.CID_SUBMIT_SM, sequence);
                case 7 -> header(random.nextInt(16), SMPPConstant.CID_SUBMIT_SM, sequence);
                default -> submitSm(sequence, Recipients.fresh(), unknownTlvs(), 255);
            };
            peer.send(pdu);
            if (!answered(peer, sequence, kind == 8)) {
                peer.close();
                peer = boundPeer();
            }
        }
        peer.close();
        nothingHalfWritten("SMPP");
    }

    private RawSmppPeer boundPeer() throws Exception {
        RawSmppPeer peer = new RawSmppPeer(HOST, SMPP_PORT);
        peer.send(COMPOSER.bind(SMPPConstant.CID_BIND_TRANSCEIVER, 1, "bob", "pw", "", (byte) 0x34, (byte) 0, (byte) 0, null));
        assertEquals(0, peer.read().commandStatus(), "bob binds");
        return peer;
    }

    /**
     * Reads until the answer to {@code sequence}: an error status (or, where the PDU may be valid SMPP, an
     * accepted submit whose id is noted), a generic_nack; false when the server closed the connection.
     */
    private boolean answered(RawSmppPeer peer, int sequence, boolean mayBeAccepted) throws IOException {
        long deadline = System.nanoTime() + ANSWER.toNanos();
        while (System.nanoTime() < deadline) {
            RawSmppPeer.Pdu pdu;
            try {
                pdu = peer.read();
            } catch (java.net.SocketTimeoutException e) {
                throw new AssertionError("SMPP: neither answered nor closed within " + ANSWER, e);
            } catch (IOException closed) {
                return false;
            }
            if (pdu.commandId() == SMPPConstant.CID_DELIVER_SM) {
                peer.send(COMPOSER.deliverSmResp(0, pdu.sequenceNumber(), ""));
                continue;
            }
            if (pdu.commandId() == SMPPConstant.CID_GENERIC_NACK) {
                assertTrue(pdu.commandStatus() != 0, "a generic_nack carries an error");
                return true;
            }
            if (pdu.sequenceNumber() == sequence && (pdu.commandId() & 0x80000000) != 0) {
                if (pdu.commandStatus() == 0) {
                    assertTrue(mayBeAccepted && pdu.commandId() == SMPPConstant.CID_SUBMIT_SM_RESP,
                            "accepted a malformed PDU: " + Integer.toHexString(pdu.commandId()));
                    answeredIds.add(Long.parseLong(cString(pdu.octets(), 16)));
                }
                return true;
            }
        }
        throw new AssertionError("SMPP: no answer to sequence " + sequence + " within " + ANSWER);
    }

    private static String cString(byte[] octets, int from) {
        int end = from;
        while (end < octets.length && octets[end] != 0) {
            end++;
        }
        return new String(octets, from, end - from, StandardCharsets.ISO_8859_1);
    }

    private static byte[] header(int length, int commandId, int sequence) {
        return ByteBuffer.allocate(16).putInt(length).putInt(commandId).putInt(0).putInt(sequence).array();
    }

    private byte[] withGarbage(int commandId, int sequence, int bodyLength) {
        byte[] body = new byte[bodyLength];
        random.nextBytes(body);
        return ByteBuffer.allocate(16 + bodyLength).putInt(16 + bodyLength).putInt(commandId).putInt(0).putInt(sequence)
                .put(body).array();
    }

    /** A submit_sm of {@code textLength} octets, TLVs appended, command_length honest. */
    private byte[] submitSm(int sequence, String destination, byte[] tlvs, int textLength) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        cstring(body, "");
        body.write(1);
        body.write(1);
        cstring(body, "4612");
        body.write(1);
        body.write(1);
        cstring(body, destination);
        body.write(0);
        body.write(0);
        body.write(0);
        cstring(body, "");
        cstring(body, "");
        body.write(0);
        body.write(0);
        body.write(0);
        body.write(0);
        body.write(textLength);
        for (int i = 0; i < textLength; i++) {
            body.write('a' + random.nextInt(26));
        }
        body.writeBytes(tlvs);
        byte[] b = body.toByteArray();
        return ByteBuffer.allocate(16 + b.length).putInt(16 + b.length).putInt(SMPPConstant.CID_SUBMIT_SM).putInt(0)
                .putInt(sequence).put(b).array();
    }

    private static void cstring(ByteArrayOutputStream out, String text) {
        out.writeBytes(text.getBytes(StandardCharsets.ISO_8859_1));
        out.write(0);
    }

    private byte[] unknownTlvs() {
        ByteArrayOutputStream tlvs = new ByteArrayOutputStream();
        for (int i = random.nextInt(4); i > 0; i--) {
            int length = random.nextInt(40);
            byte[] value = new byte[length];
            random.nextBytes(value);
            tlvs.writeBytes(ByteBuffer.allocate(4 + length).putShort((short) (0x1400 + random.nextInt(0x3000)))
                    .putShort((short) length).put(value).array());
        }
        return tlvs.toByteArray();
    }

    /** The PDU cut after {@code keep} octets, with command_length saying so: fields end before their terminators. */
    private static byte[] cut(byte[] pdu, int keep) {
        int length = Math.min(keep, pdu.length - 1);
        ByteBuffer cut = ByteBuffer.allocate(length).put(pdu, 0, length);
        cut.putInt(0, length);
        return cut.array();
    }

    /** A TLV whose length runs past the end of the PDU. */
    private byte[] lyingTlv(byte[] pdu) {
        ByteBuffer longer = ByteBuffer.allocate(pdu.length + 6).put(pdu).putShort((short) 0x0424)
                .putShort((short) (3 + random.nextInt(60000))).put(new byte[] {1, 2});
        longer.putInt(0, pdu.length + 6);
        return longer.array();
    }

    /** sm_length larger than what follows it. */
    private byte[] lyingSmLength(int sequence) {
        byte[] pdu = submitSm(sequence, Recipients.fresh(), new byte[0], 5);
        pdu[pdu.length - 6] = (byte) (6 + random.nextInt(200));
        return pdu;
    }

    // ---- SMTP

    @Test
    void smtpCommandsAndMime() throws Exception {
        long start = System.nanoTime();
        while (moreTime(start)) {
            boolean outsider = random.nextInt(4) == 0;
            try (SmtpDialogue smtp = new SmtpDialogue(outsider ? ELSEWHERE : "127.0.0.1", SMTP)) {
                assertTrue(smtp.reply().startsWith("220"));
                switch (random.nextInt(6)) {
                    case 0 -> refused(smtp, junkLine(), "junk command");
                    case 1 -> {
                        smtp.say("HELO fuzz");
                        // a lenient MAIL FROM may take it: then the mail it starts must be refused or answered with an id
                        if (smtp.say("MAIL FROM:" + junkLine()).startsWith("250")
                                && smtp.say("RCPT TO:<" + Recipients.fresh() + "@sms.example.com>").startsWith("250")) {
                            acceptedOrRefused(smtp.mail("Subject: junk sender", "", "x"), "a junk sender");
                        }
                    }
                    case 2 -> {
                        smtp.say("HELO fuzz");
                        refused(smtp, "RCPT TO:<" + Recipients.fresh() + "@sms.example.com>", "RCPT before MAIL");
                    }
                    case 3 -> {
                        smtp.say("HELO fuzz");
                        smtp.say("MAIL FROM:<fuzz@example.org>");
                        refused(smtp, "DATA", "DATA without RCPT");
                    }
                    case 4 -> {
                        smtp.say("HELO fuzz");
                        smtp.say("MAIL FROM:<fuzz@example.org>");
                        String reply = smtp.say("RCPT TO:<" + junkLocalPart() + "@sms.example.com>");
                        if (reply.startsWith("250")) {
                            refused(smtp, null, "a mail to a bad number", mimeLines());
                        } else {
                            assertTrue(reply.startsWith("5"), "bad number at RCPT: " + reply);
                        }
                    }
                    default -> {
                        smtp.say("EHLO fuzz");
                        smtp.say("MAIL FROM:<fuzz@example.org>");
                        String rcpt = smtp.say("RCPT TO:<" + Recipients.fresh() + "@" + (outsider ? "elsewhere.org" : "sms.example.com") + ">");
                        if (outsider) {
                            assertEquals("550 Relaying denied", rcpt);
                        } else {
                            assertTrue(rcpt.startsWith("250"), rcpt);
                            acceptedOrRefused(smtp.mail(mimeLines()), "broken MIME");
                        }
                    }
                }
            } catch (java.net.SocketTimeoutException e) {
                throw new AssertionError("SMTP: no reply within the timeout", e);
            } catch (IOException closed) {
                // the server hung up on the junk: an answer too
            }
        }
        nothingHalfWritten("SMTP");
    }

    /** The reply to a mail's end: 250 with the id, which is noted, or a 4xx/5xx refusal. */
    private void acceptedOrRefused(String reply, String what) {
        Matcher id = SMTP_ID.matcher(reply);
        if (id.find()) {
            answeredIds.add(Long.parseLong(id.group(1)));
        } else {
            assertTrue(reply.matches("[45]\\d\\d .*"), what + ": " + reply);
        }
    }

    /** The command (or, when null, a mail of {@code lines}) gets a 4xx or 5xx reply, or the connection closes. */
    private static void refused(SmtpDialogue smtp, String command, String what, String... lines) throws IOException {
        String reply;
        try {
            reply = command == null ? smtp.mail(lines) : smtp.say(command);
        } catch (java.net.SocketTimeoutException e) {
            throw e;
        } catch (IOException closed) {
            return;
        }
        assertTrue(reply.matches("[45]\\d\\d.*"), what + ": " + reply);
    }

    private String junkLine() {
        StringBuilder line = new StringBuilder();
        int length = random.nextInt(10) == 0 ? 1_000 + random.nextInt(5_000) : random.nextInt(60);
        for (int i = 0; i < length; i++) {
            char c = (char) (random.nextInt(4) == 0 ? random.nextInt(0x20) : 0x21 + random.nextInt(0x5e));
            line.append(c == '\r' || c == '\n' ? '?' : c);
        }
        // a line that happens to be a valid command is made an unknown one
        return "Z" + line;
    }

    private String junkLocalPart() {
        return new String[] {"abc", "+", "1".repeat(25), "46%70", "4670x1", "\"46 70\""}[random.nextInt(6)];
    }

    private String[] mimeLines() {
        String boundary = random.nextBoolean() ? "b" + random.nextInt(100) : "";
        return switch (random.nextInt(5)) {
            case 0 -> new String[] {"Content-Type: multipart/mixed; boundary=\"" + boundary + "\"", "", "--" + boundary,
                "Content-Type: text/plain", "", "part " + random.nextInt(), "--" + boundary + "x"};
            case 1 -> new String[] {"Content-Type: text/plain; charset=" + junkLocalPart(),
                "Content-Transfer-Encoding: base64", "", "!!notbase64==" + random.nextInt()};
            case 2 -> new String[] {"Content-Type: multipart/alternative", "", "no boundary at all"};
            case 3 -> new String[] {"Subject: " + "=?utf-8?B?" + "x".repeat(random.nextInt(500)) + "?=", "X-EMG-Option-DLR: 2",
                "", "bad option"};
            default -> new String[] {"Content-Type: text/plain; charset=utf-8", "Content-Transfer-Encoding: quoted-printable",
                "", "=ZZ=" + "=C3".repeat(random.nextInt(50)) + "="};
        };
    }

    // ---- PAP

    @Test
    void papXml() throws Exception {
        PushInitiator pap = new PushInitiator(URI.create("http://" + HOST + ":" + HTTP.getPort()), "alice", "secret");
        Pattern code = Pattern.compile("code=\"(\\d{4})\"");
        long start = System.nanoTime();
        while (moreTime(start)) {
            String pushId = "fuzz-" + random.nextLong() + "@pi.example.com";
            String address = "WAPPUSH=+" + Recipients.fresh() + "/TYPE=PLMN@ppg.example.com";
            String good = "<push-message push-id=\"" + pushId + "\"><address address-value=\"" + address + "\"/></push-message>";
            HttpResponse<String> response;
            String what;
            switch (random.nextInt(6)) {
                case 0 -> {
                    what = "truncated control";
                    String control = PushInitiator.control(good);
                    response = pap.push(control.substring(0, control.indexOf("</pap>") - random.nextInt(good.length())),
                            "text/vnd.wap.si", "<si/>");
                }
                case 1 -> {
                    what = "external entity";
                    response = pap.push("<?xml version=\"1.0\"?>\n<!DOCTYPE pap [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>\n"
                            + "<pap><push-message push-id=\"&x;\"><address address-value=\"" + address
                            + "\"/></push-message></pap>", "text/vnd.wap.si", "<si/>");
                }
                case 2 -> {
                    what = "entity expansion";
                    StringBuilder dtd = new StringBuilder("<!DOCTYPE pap [<!ENTITY a0 \"lol\">");
                    for (int i = 1; i < 10; i++) {
                        dtd.append("<!ENTITY a").append(i).append(" \"").append(("&a" + (i - 1) + ";").repeat(10)).append("\">");
                    }
                    response = pap.push("<?xml version=\"1.0\"?>\n" + dtd + "]>\n<pap><push-message push-id=\"&a9;\"><address address-value=\""
                            + address + "\"/></push-message></pap>", "text/vnd.wap.si", "<si/>");
                }
                case 3 -> {
                    what = "bad address";
                    response = pap.push(PushInitiator.control(good.replace(address, "WAPPUSH=" + junkLocalPart() + "/TYPE=PLMN@x")),
                            "text/vnd.wap.si", "<si/>");
                }
                case 4 -> {
                    what = "broken multipart";
                    response = pap.post(random.nextBoolean() ? "multipart/related" : "multipart/related; boundary=zz",
                            "--zz\r\nContent-Type: application/xml\r\n\r\n" + PushInitiator.control(good).substring(0, random.nextInt(80)));
                }
                default -> {
                    what = "mangled tags";
                    String control = PushInitiator.control(good);
                    int at = control.indexOf("<push-message") + random.nextInt(good.length() - 2);
                    response = pap.push(control.substring(0, at) + "<&" + control.substring(at), "text/vnd.wap.si", "<si/>");
                }
            }
            int status = response.statusCode();
            Matcher m = code.matcher(response.body());
            if (status >= 400 && status < 500) {
                continue;
            }
            assertTrue(m.find(), what + " -> HTTP " + status + " " + response.body());
            int answer = Integer.parseInt(m.group(1));
            assertTrue(answer >= 2000 && answer < 4000, what + " -> " + response.body());
            assertTrue(!response.body().contains("root:"), "an external entity was read: " + response.body());
        }
        nothingHalfWritten("PAP");
    }
}
