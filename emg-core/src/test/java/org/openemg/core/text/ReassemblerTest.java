package org.openemg.core.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.openemg.core.message.Options;

class ReassemblerTest {

    private final MessageSplitterTest.MovableClock clock = new MessageSplitterTest.MovableClock();
    private final Reassembler reassembler = new Reassembler(clock, Duration.ofSeconds(60));

    private static IncomingSms gsm(String udh, String septetsHex) {
        return SmsDecoder.decode(0, 0x40, HexFormat.of().parseHex(udh + septetsHex), null, null, null, null);
    }

    @Test
    void escapeCutByAnotherSenderIsWholeAgain() {
        assertTrue(reassembler.offer("A", "B", gsm("050003070201", "611B")).isEmpty());
        AssembledSms whole = reassembler.offer("A", "B", gsm("050003070202", "6562")).orElseThrow();
        assertEquals("a€b", whole.text());
        assertTrue(whole.complete());
        assertEquals(0, reassembler.pending());
    }

    @Test
    void keyedBySourceDestinationAndReference() {
        assertTrue(reassembler.offer("A", "B", gsm("050003070201", "61")).isEmpty());
        assertTrue(reassembler.offer("C", "B", gsm("050003070202", "62")).isEmpty());
        assertTrue(reassembler.offer("A", "B", gsm("050003080202", "63")).isEmpty());
        assertEquals(3, reassembler.pending());
        assertEquals("ac", reassembler.offer("A", "B", gsm("050003080201", "61")).orElseThrow().text());
    }

    @Test
    void duplicatePartIgnored() {
        assertTrue(reassembler.offer("A", "B", gsm("050003070301", "61")).isEmpty());
        assertTrue(reassembler.offer("A", "B", gsm("050003070301", "7A")).isEmpty());
        assertTrue(reassembler.offer("A", "B", gsm("050003070303", "63")).isEmpty());
        assertEquals("abc", reassembler.offer("A", "B", gsm("050003070302", "62")).orElseThrow().text());
    }

    @Test
    void partialsReleasedAfterCmrExpireInSeqOrder() {
        reassembler.offer("A", "B", gsm("050003070403", "63"));
        clock.now = clock.now.plusSeconds(30);
        reassembler.offer("A", "B", gsm("050003070401", "61"));
        reassembler.offer("A", "X", gsm("06080401000201", "78"));
        clock.now = clock.now.plusSeconds(29);
        assertTrue(reassembler.expire().isEmpty());
        clock.now = clock.now.plusSeconds(1);
        List<AssembledSms> expired = reassembler.expire();
        assertEquals(1, expired.size());
        assertEquals("ac", expired.get(0).text());
        assertFalse(expired.get(0).complete());
        assertEquals(2, expired.get(0).received());
        assertEquals(4, expired.get(0).total());
        clock.now = clock.now.plusSeconds(30);
        assertEquals("x", reassembler.expire().get(0).text());
        assertEquals(0, reassembler.pending());
    }

    @Test
    void sarValuesAndPortsGiveOptions() {
        byte[] ports = HexFormat.of().parseHex("0605040B8423F0");
        IncomingSms one = SmsDecoder.decode(4, 0x40, concat(ports, new byte[] {1, 2}), null, 500, 2, 1);
        IncomingSms two = SmsDecoder.decode(4, 0x40, concat(ports, new byte[] {3}), null, 500, 2, 2);
        assertTrue(one.isBinary());
        assertTrue(reassembler.offer("A", "B", two).isEmpty());
        Options options = reassembler.offer("A", "B", one).orElseThrow().toOptions();
        assertEquals("010203", options.get("MESSAGE"));
        assertEquals("2", options.get("CHARCODE"));
        assertEquals("4", options.get("DCS"));
        assertEquals("2948", options.get("DESTPORT"));
        assertEquals("9200", options.get("SOURCEPORT"));
        assertEquals(null, options.get("UDH"));
        assertEquals("A", options.get("SOURCEADDR"));
    }

    @Test
    void singleMessagesPassAtOnce() {
        Optional<AssembledSms> latin = reassembler.offer("A", "B", SmsDecoder.decode(3, 0, new byte[] {(byte) 0xE9}, null, null, null, null));
        assertEquals("é", latin.orElseThrow().text());
        IncomingSms payload = SmsDecoder.decode(8, 0, new byte[0], new byte[] {0x04, 0x16}, null, null, null);
        assertEquals("Ж", reassembler.offer("A", "B", payload).orElseThrow().text());
        IncomingSms ascii = SmsDecoder.decode(1, 0, "Hi".getBytes(), null, null, null, null);
        assertEquals("Hi", reassembler.offer("A", "B", ascii).orElseThrow().toOptions().get("MESSAGE"));
        IncomingSms badHeader = SmsDecoder.decode(0, 0x40, new byte[] {0x09, 0x61}, null, null, null, null);
        assertEquals(UserDataHeader.NONE, badHeader.header());
        assertEquals(2, badHeader.data().length);
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
