package org.openemg.it;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import org.jsmpp.bean.SubmitSm;
import org.junit.jupiter.api.Test;
import org.openemg.testkit.Eventually;
import org.openemg.testkit.GatewayHttp;

/** Codings and long messages through the real server: what the SMSC receives is exactly what was sent. */
class TextArrivesIntactIT extends DeployedGatewayTest {

    private static final Duration ARRIVAL = Duration.ofSeconds(90);

    private List<SubmitSm> send(String destination, int expectedParts, String... options) throws Exception {
        GatewayHttp.Params params = GatewayHttp.params().add("USERNAME", "alice").add("PASSWORD", "secret")
                .add("DESTADDR", destination);
        for (int i = 0; i < options.length; i += 2) {
            params.add(options[i], options[i + 1]);
        }
        HttpResponse<String> response = gateway.post("/bin/send", params);
        assertEquals(200, response.statusCode(), response.body());
        assertTrue(response.body().strip().matches("\\d+"), response.body());
        assertTrue(Eventually.within(ARRIVAL, () -> smsc.acceptedFor(destination).size() >= expectedParts),
                expectedParts + " parts arrive");
        List<SubmitSm> parts = smsc.acceptedFor(destination);
        assertEquals(expectedParts, parts.size());
        return parts;
    }

    @Test
    void utf8WithAnEmojiArrivesAsIdenticalUcs2() throws Exception {
        String text = "Hälsningar åäö 😀";
        SubmitSm sm = send(Recipients.fresh(), 1, "MESSAGE", text).get(0);
        assertEquals(8, sm.getDataCoding());
        assertArrayEquals(text.getBytes(StandardCharsets.UTF_16BE), sm.getShortMessage());
    }

    @Test
    void gsmExtensionCharactersArriveAsIdenticalGsm() throws Exception {
        SubmitSm sm = send(Recipients.fresh(), 1, "MESSAGE", "€[]{}^ ok").get(0);
        assertEquals(0, sm.getDataCoding());
        assertArrayEquals(HexFormat.of().parseHex("1b651b3c1b3e1b281b291b14206f6b"), sm.getShortMessage());
    }

    @Test
    void fourHundredGsmCharactersArriveInThreeConcatenatedParts() throws Exception {
        String text = "0123456789".repeat(40);
        List<SubmitSm> parts = send(Recipients.fresh(), 3, "MESSAGE", text);
        byte[][] udhs = parts.stream().map(p -> Arrays.copyOf(p.getShortMessage(), 6)).toArray(byte[][]::new);
        int ref = udhs[0][3] & 0xFF;
        ByteArrayOutputStream whole = new ByteArrayOutputStream();
        parts.stream().sorted(Comparator.comparingInt(p -> p.getShortMessage()[5])).forEach(p -> {
            assertEquals(0x40, p.getEsmClass() & 0x40, "UDHI set");
            assertEquals(0, p.getDataCoding());
            whole.write(p.getShortMessage(), 6, p.getShortMessage().length - 6);
        });
        for (byte[] udh : udhs) {
            assertEquals("050003", HexFormat.of().formatHex(udh, 0, 3));
            assertEquals(ref, udh[3] & 0xFF, "one reference for all parts");
            assertEquals(3, udh[4]);
        }
        assertEquals(List.of(1, 2, 3), Arrays.stream(udhs).map(u -> (int) u[5]).sorted().toList());
        assertEquals(text, whole.toString(StandardCharsets.ISO_8859_1));
    }

    @Test
    void hundredFiftyUcs2CharactersArriveInThreeParts() throws Exception {
        String text = "Жизнь".repeat(30);
        List<SubmitSm> parts = send(Recipients.fresh(), 3, "MESSAGE", text);
        ByteArrayOutputStream whole = new ByteArrayOutputStream();
        parts.stream().sorted(Comparator.comparingInt(p -> p.getShortMessage()[5])).forEach(p -> {
            assertEquals(8, p.getDataCoding());
            assertEquals("050003", HexFormat.of().formatHex(p.getShortMessage(), 0, 3));
            assertEquals(3, p.getShortMessage()[4]);
            whole.write(p.getShortMessage(), 6, p.getShortMessage().length - 6);
        });
        assertEquals(text, whole.toString(StandardCharsets.UTF_16BE));
    }

    @Test
    void binaryHexArrivesAsDataCodingFourWithThoseBytes() throws Exception {
        SubmitSm sm = send(Recipients.fresh(), 1, "CHARCODE", "2", "MESSAGE", "0001FF").get(0);
        assertEquals(4, sm.getDataCoding());
        assertArrayEquals(new byte[] {0x00, 0x01, (byte) 0xFF}, sm.getShortMessage());
    }

    @Test
    void malformedHexIsARequestLevelError() throws Exception {
        HttpResponse<String> response = gateway.post("/bin/send", GatewayHttp.params()
                .add("USERNAME", "alice").add("PASSWORD", "secret").add("DESTADDR", Recipients.fresh())
                .add("CHARCODE", "2").add("MESSAGE", "0001F"));
        assertEquals(400, response.statusCode());
        assertTrue(response.body().startsWith("ERR 5 Invalid argument: MESSAGE"), response.body());
    }
}
