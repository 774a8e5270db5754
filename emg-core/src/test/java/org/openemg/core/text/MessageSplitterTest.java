package org.openemg.core.text;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.openemg.core.message.Options;
import org.openemg.core.config.ConcatMode;

/**
 * Each case: a message, the connector's settings, and the exact octets of every part. Every case
 * also goes split, encode, decode (parts offered last first), reassemble, and must give the message back.
 * References start at 0x1234, so 8-bit ones are 0x34.
 */
class MessageSplitterTest {

    private static final String DEST = "46701234567";
    private static final TextSettings UDH8 = TextSettings.DEFAULT;
    private static final TextSettings UDH16 = new TextSettings(false, ConcatMode.UDH_16BIT, 0);
    private static final TextSettings SAR = new TextSettings(false, ConcatMode.SAR, 0);
    private static final TextSettings PAYLOAD = new TextSettings(false, ConcatMode.PAYLOAD, 0);
    private static final String CY = "я";
    private static final String SMILE = "😀";
    /** One of the 8-bit reference concatenation elements this test's references make. */
    private static final String C8 = "000334";

    record Part(int dcs, String udh, byte[] body, boolean payload, Integer sarRef, Integer sarTotal, Integer sarSeq) {
    }

    record Case(String name, TextSettings settings, Options message, String original, List<Part> parts) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Arguments> cases() {
        List<Case> c = new ArrayList<>();
        // GSM 7-bit, 8-bit references
        c.add(of("gsm short", UDH8, msg("Hello"), sm(0, "", ascii("Hello"))));
        c.add(of("empty message is one part", UDH8, msg(""), sm(0, "", new byte[0])));
        c.add(of("gsm 153", UDH8, msg(a(153)), sm(0, "", ascii(a(153)))));
        c.add(of("gsm 160 fits one", UDH8, msg(a(160)), sm(0, "", ascii(a(160)))));
        c.add(of("gsm 161 is 153+8", UDH8, msg(a(161)),
                sm(0, "050003340201", ascii(a(153))), sm(0, "050003340202", ascii(a(8)))));
        c.add(of("gsm 306 is 153+153", UDH8, msg(a(306)),
                sm(0, "050003340201", ascii(a(153))), sm(0, "050003340202", ascii(a(153)))));
        c.add(of("gsm 307 is three", UDH8, msg(a(307)),
                sm(0, "050003340301", ascii(a(153))), sm(0, "050003340302", ascii(a(153))),
                sm(0, "050003340303", ascii("a"))));
        c.add(of("escape pair not cut at 153", UDH8, msg(a(152) + "€" + "b".repeat(10)),
                sm(0, "050003340201", ascii(a(152))), sm(0, "050003340202", cat(hex("1B65"), ascii("b".repeat(10))))));
        c.add(of("escape ends second part", UDH8, msg(a(159) + "€"),
                sm(0, "050003340201", ascii(a(153))), sm(0, "050003340202", cat(ascii(a(6)), hex("1B65")))));
        c.add(of("escape as septets 159-160 fits one", UDH8, msg(a(158) + "€"), sm(0, "", cat(ascii(a(158)), hex("1B65")))));
        c.add(of("euro run cut between pairs", UDH8, msg(a(100) + "€".repeat(40)),
                sm(0, "050003340201", cat(ascii(a(100)), hex("1B65".repeat(26)))),
                sm(0, "050003340202", hex("1B65".repeat(14)))));
        c.add(of("extension table", UDH8, msg("€[]{}\\^~|\f"), sm(0, "", hex("1B651B3C1B3E1B281B291B2F1B141B3D1B401B0A"))));
        c.add(of("basic table specials", UDH8, msg("@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ¤¡ÄÖÑÜ§¿äöñüà"),
                sm(0, "", hex("000102030405060708090A0B0C0D0E0F101112131415161718191A1C1D1E1F24405B5C5D5E5F607B7C7D7E7F"))));
        c.add(of("CHARCODE=1", UDH8, msg("abc", "CHARCODE", "1"), sm(0, "", ascii("abc"))));
        c.add(of("CHARCODE=32 gsm text", UDH8, msg("abc", "CHARCODE", "32"), sm(0, "", ascii("abc"))));
        c.add(of("CHARCODE=0 gsm text", UDH8, msg("a b", "CHARCODE", "0"), sm(0, "", ascii("a b"))));
        c.add(of("MSGCLASS 0 gsm", UDH8, msg("Hi", "MSGCLASS", "0"), sm(0x10, "", ascii("Hi"))));
        c.add(of("MSGCLASS 1 gsm", UDH8, msg("Hi", "MSGCLASS", "1"), sm(0x11, "", ascii("Hi"))));
        // UCS2
        c.add(of("cyrillic", UDH8, msg("Привет"), sm(8, "", ucs2("Привет"))));
        c.add(of("latin-1 not gsm goes ucs2", UDH8, msg("ç"), sm(8, "", hex("00E7"))));
        c.add(of("CHARCODE=32 non-gsm", UDH8, msg("naïve", "CHARCODE", "32"), sm(8, "", ucs2("naïve"))));
        c.add(of("ucs2 70 fits one", UDH8, msg(CY.repeat(70)), sm(8, "", ucs2(CY.repeat(70)))));
        c.add(of("ucs2 71 is 67+4", UDH8, msg(CY.repeat(71)),
                sm(8, "050003340201", ucs2(CY.repeat(67))), sm(8, "050003340202", ucs2(CY.repeat(4)))));
        c.add(of("emoji not cut at 67", UDH8, msg(CY.repeat(66) + SMILE + CY.repeat(5)),
                sm(8, "050003340201", ucs2(CY.repeat(66))), sm(8, "050003340202", ucs2(SMILE + CY.repeat(5)))));
        c.add(of("35 emoji fit one", UDH8, msg(SMILE.repeat(35)), sm(8, "", ucs2(SMILE.repeat(35)))));
        c.add(of("36 emoji are 33+3", UDH8, msg(SMILE.repeat(36)),
                sm(8, "050003340201", ucs2(SMILE.repeat(33))), sm(8, "050003340202", ucs2(SMILE.repeat(3)))));
        c.add(of("MSGCLASS 2 ucs2", UDH8, msg("Ж", "MSGCLASS", "2"), sm(0x1A, "", ucs2("Ж"))));
        c.add(new Case("CHARCODE=4 hex", UDH8, msg("041F0440", "CHARCODE", "4"), "Пр", List.of(sm(8, "", hex("041F0440")))));
        c.add(of("CHARCODE=4 text", UDH8, msg("Hi", "CHARCODE", "4"), sm(8, "", hex("00480069"))));
        // Latin-1 and binary
        c.add(of("CHARCODE=3", UDH8, msg("café", "CHARCODE", "3"), sm(3, "", latin1("café"))));
        c.add(of("CHARCODE=3 141 is 134+7", UDH8, msg("é".repeat(141), "CHARCODE", "3"),
                sm(3, "050003340201", latin1("é".repeat(134))), sm(3, "050003340202", latin1("é".repeat(7)))));
        c.add(of("binary", UDH8, bin("0102FF"), sm(4, "", hex("0102FF"))));
        c.add(of("binary MSGCLASS 1", UDH8, bin("0102FF", "MSGCLASS", "1"), sm(0xF5, "", hex("0102FF"))));
        c.add(of("binary 140 fits one", UDH8, bin(octets(140)), sm(4, "", hex(octets(140)))));
        c.add(of("binary 141 is 134+7", UDH8, bin(octets(141)),
                sm(4, "050003340201", hex(octets(141).substring(0, 268))), sm(4, "050003340202", hex(octets(141).substring(268)))));
        // ports and client UDH
        c.add(of("wap push ports", UDH8, bin("0102", "DESTPORT", "2948", "SOURCEPORT", "9200"), sm(4, "0605040B8423F0", hex("0102"))));
        c.add(of("DESTPORT only", UDH8, bin("01", "DESTPORT", "2948"), sm(4, "0605040B840000", hex("01"))));
        c.add(of("binary ports + concat 128+12", UDH8, bin(octets(140), "DESTPORT", "2948", "SOURCEPORT", "9200"),
                sm(4, "0B05040B8423F0" + C8 + "0201", hex(octets(140).substring(0, 256))),
                sm(4, "0B05040B8423F0" + C8 + "0202", hex(octets(140).substring(256)))));
        c.add(of("gsm ports 152 fits one", UDH8, msg(a(152), "DESTPORT", "5000"), sm(0, "06050413880000", ascii(a(152)))));
        c.add(of("gsm ports 153 is 146+7", UDH8, msg(a(153), "DESTPORT", "5000"),
                sm(0, "0B050413880000" + C8 + "0201", ascii(a(146))), sm(0, "0B050413880000" + C8 + "0202", ascii(a(7)))));
        c.add(of("client udh kept", UDH8, msg("Hi", "UDH", "050A03000410"), sm(0, "050A03000410", ascii("Hi"))));
        c.add(of("client udh + concat 147+53", UDH8, msg(a(200), "UDH", "050a03000410"),
                sm(0, "0A0A03000410" + C8 + "0201", ascii(a(147))), sm(0, "0A0A03000410" + C8 + "0202", ascii(a(53)))));
        c.add(new Case("client udh with concat is one part", UDH8, msg("abc", "UDH", "0500034C0201"), null,
                List.of(sm(0, "0500034C0201", ascii("abc")))));
        c.add(new Case("client CONCATSMS* 8-bit", UDH8, msg("abc", "CONCATSMSREF", "7", "CONCATSMSSEQ", "2", "CONCATSMSMAX", "3"), null,
                List.of(sm(0, "050003070302", ascii("abc")))));
        c.add(new Case("client CONCATSMS* big ref", UDH8, msg("abc", "CONCATSMSREF", "300", "CONCATSMSSEQ", "1", "CONCATSMSMAX", "2"), null,
                List.of(sm(0, "060804012C0201", ascii("abc")))));
        c.add(new Case("client CONCATSMS* 16-bit", UDH16, msg("abc", "CONCATSMSREF", "7", "CONCATSMSSEQ", "2", "CONCATSMSMAX", "3"), null,
                List.of(sm(0, "06080400070302", ascii("abc")))));
        c.add(new Case("client CONCATSMS* SAR", SAR, msg("abc", "CONCATSMSREF", "7", "CONCATSMSSEQ", "2", "CONCATSMSMAX", "3"), null,
                List.of(new Part(0, "", ascii("abc"), false, 7, 3, 2))));
        // 16-bit references
        c.add(of("16-bit gsm 160 fits one", UDH16, msg(a(160)), sm(0, "", ascii(a(160)))));
        c.add(of("16-bit gsm 161 is 152+9", UDH16, msg(a(161)),
                sm(0, "06080412340201", ascii(a(152))), sm(0, "06080412340202", ascii(a(9)))));
        c.add(of("16-bit escape at 152", UDH16, msg(a(151) + "€" + a(10)),
                sm(0, "06080412340201", ascii(a(151))), sm(0, "06080412340202", cat(hex("1B65"), ascii(a(10))))));
        c.add(of("16-bit ucs2 71 is 66+5", UDH16, msg(CY.repeat(71)),
                sm(8, "06080412340201", ucs2(CY.repeat(66))), sm(8, "06080412340202", ucs2(CY.repeat(5)))));
        c.add(of("16-bit emoji at 66", UDH16, msg(CY.repeat(65) + SMILE + CY.repeat(5)),
                sm(8, "06080412340201", ucs2(CY.repeat(65))), sm(8, "06080412340202", ucs2(SMILE + CY.repeat(5)))));
        c.add(of("16-bit binary 141 is 133+8", UDH16, bin(octets(141)),
                sm(4, "06080412340201", hex(octets(141).substring(0, 266))), sm(4, "06080412340202", hex(octets(141).substring(266)))));
        c.add(of("16-bit with ports", UDH16, msg(a(200), "DESTPORT", "2948", "SOURCEPORT", "9200"),
                sm(0, "0C05040B8423F0" + "0804123402" + "01", ascii(a(145))),
                sm(0, "0C05040B8423F0" + "0804123402" + "02", ascii(a(55)))));
        // SAR
        c.add(of("SAR short has no sar values", SAR, msg("Hi"), sm(0, "", ascii("Hi"))));
        c.add(of("SAR gsm 161 is 153+8", SAR, msg(a(161)),
                new Part(0, "", ascii(a(153)), false, 0x1234, 2, 1), new Part(0, "", ascii(a(8)), false, 0x1234, 2, 2)));
        c.add(of("SAR escape not cut", SAR, msg(a(152) + "€".repeat(5)),
                new Part(0, "", ascii(a(152)), false, 0x1234, 2, 1), new Part(0, "", hex("1B65".repeat(5)), false, 0x1234, 2, 2)));
        c.add(of("SAR ucs2 71 is 67+4", SAR, msg(CY.repeat(71)),
                new Part(8, "", ucs2(CY.repeat(67)), false, 0x1234, 2, 1), new Part(8, "", ucs2(CY.repeat(4)), false, 0x1234, 2, 2)));
        c.add(of("SAR binary 141", SAR, bin(octets(141)),
                new Part(4, "", hex(octets(141).substring(0, 268)), false, 0x1234, 2, 1),
                new Part(4, "", hex(octets(141).substring(268)), false, 0x1234, 2, 2)));
        c.add(of("SAR with ports 146+54", SAR, msg(a(200), "DESTPORT", "2948", "SOURCEPORT", "9200"),
                new Part(0, "0605040B8423F0", ascii(a(146)), false, 0x1234, 2, 1),
                new Part(0, "0605040B8423F0", ascii(a(54)), false, 0x1234, 2, 2)));
        // message_payload
        c.add(of("PAYLOAD gsm 500", PAYLOAD, msg(a(500)), new Part(0, "", ascii(a(500)), true, null, null, null)));
        c.add(of("PAYLOAD short", PAYLOAD, msg("Hi"), new Part(0, "", ascii("Hi"), true, null, null, null)));
        c.add(of("PAYLOAD ucs2", PAYLOAD, msg(CY.repeat(100) + SMILE), new Part(8, "", ucs2(CY.repeat(100) + SMILE), true, null, null, null)));
        c.add(of("PAYLOAD extension chars", PAYLOAD, msg(a(200) + "{}"), new Part(0, "", cat(ascii(a(200)), hex("1B281B29")), true, null, null, null)));
        c.add(of("PAYLOAD binary with ports", PAYLOAD, bin(octets(300), "DESTPORT", "2948", "SOURCEPORT", "9200"),
                new Part(4, "0605040B8423F0", hex(octets(300)), true, null, null, null)));
        TextSettings payload100 = new TextSettings(false, ConcatMode.PAYLOAD, 100);
        c.add(of("PAYLOAD over MESSAGELENGTH 94+94+62", payload100, msg(a(250)),
                new Part(0, "050003340301", ascii(a(94)), true, null, null, null),
                new Part(0, "050003340302", ascii(a(94)), true, null, null, null),
                new Part(0, "050003340303", ascii(a(62)), true, null, null, null)));
        c.add(of("PAYLOAD within MESSAGELENGTH", payload100, msg(a(100)), new Part(0, "", ascii(a(100)), true, null, null, null)));
        // explicit DCS
        c.add(of("DCS 8 wins over gsm", UDH8, msg("Hi", "DCS", "8"), sm(8, "", hex("00480069"))));
        c.add(of("DCS F0 flash gsm", UDH8, msg("Hi", "DCS", "240"), sm(0xF0, "", ascii("Hi"))));
        c.add(of("DCS 4 text as octets", UDH8, msg("Hé", "DCS", "4"), sm(4, "", latin1("Hé"))));
        c.add(of("DCS F5 binary", UDH8, bin("C0FFEE", "DCS", "245"), sm(0xF5, "", hex("C0FFEE"))));
        c.add(of("DCS wins over MSGCLASS", UDH8, msg("Hi", "DCS", "0", "MSGCLASS", "1"), sm(0, "", ascii("Hi"))));
        c.add(of("DCS 3 latin-1", UDH8, msg("café", "DCS", "3"), sm(3, "", latin1("café"))));
        c.add(of("DCS 1 ascii", UDH8, msg("Hi!", "DCS", "1"), sm(1, "", ascii("Hi!"))));
        c.add(of("DCS 8 with CHARCODE=1 text 71", UDH8, msg(a(71), "CHARCODE", "1", "DCS", "8"),
                sm(8, "050003340201", ucs2(a(67))), sm(8, "050003340202", ucs2(a(4)))));
        return c.stream().map(x -> Arguments.of(x.name, x));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void splitEncodeDecodeReassemble(String name, Case c) {
        MessageSplitter splitter = new MessageSplitter(new ConcatReferences(0x1234));
        List<Options> parts = splitter.split(c.message, c.settings);
        assertEquals(c.parts.size(), parts.size(), "parts");
        assertEquals(parts.size(), splitter.count(c.message, c.settings), "count");
        MovableClock clock = new MovableClock();
        Reassembler reassembler = new Reassembler(clock, Duration.ofSeconds(60));
        Optional<AssembledSms> assembled = Optional.empty();
        for (int i = parts.size() - 1; i >= 0; i--) {
            Options part = parts.get(i);
            Part expected = c.parts.get(i);
            assertEquals(expected.udh.isEmpty() ? null : expected.udh, part.get("UDH"), "UDH option of part " + (i + 1));
            if (parts.size() > 1) {
                assertEquals(Integer.toString(i + 1), part.get("CONCATSMSSEQ"));
                assertEquals(Integer.toString(parts.size()), part.get("CONCATSMSMAX"));
            }
            assertEquals(DEST, part.get("DESTADDR"), "other options kept");
            EncodedSms sms = SmsEncoder.encode(part);
            assertEquals((byte) expected.dcs, sms.dataCoding(), "data_coding of part " + (i + 1));
            assertEquals(expected.udh.isEmpty() ? 0 : 0x40, sms.esmClass(), "esm_class of part " + (i + 1));
            byte[] userData = cat(hex(expected.udh), expected.body);
            if (expected.payload) {
                assertEquals(0, sms.shortMessage().length);
                assertEquals(HexFormat.of().formatHex(userData), HexFormat.of().formatHex(sms.messagePayload()), "payload of part " + (i + 1));
            } else {
                assertNull(sms.messagePayload());
                assertEquals(HexFormat.of().formatHex(userData), HexFormat.of().formatHex(sms.shortMessage()), "octets of part " + (i + 1));
                int septets = Alphabet.of(expected.dcs) == Alphabet.GSM ? expected.body.length * 7 : expected.body.length * 8;
                assertTrue(expected.udh.length() / 2 * 8 + septets <= 1120, "fits 140 octets");
            }
            assertEquals(expected.sarRef, sms.sarRefNum());
            assertEquals(expected.sarTotal, sms.sarTotalSegments());
            assertEquals(expected.sarSeq, sms.sarSegmentSeqnum());
            IncomingSms incoming = SmsDecoder.decode(sms);
            boolean wholeHere = incoming.concat() == null || incoming.concat().max() == parts.size();
            assembled = reassembler.offer("4611", DEST, incoming);
            assertEquals(i == 0 && wholeHere, assembled.isPresent(), "complete only after the last part");
        }
        if (assembled.isEmpty()) {
            // the client cut the message itself and gave us one part: it waits for the others until CMREXPIRE
            clock.now = clock.now.plusSeconds(60);
            List<AssembledSms> expired = reassembler.expire();
            assertEquals(1, expired.size());
            assertTrue(!expired.get(0).complete());
            assembled = Optional.of(expired.get(0));
        } else {
            assertTrue(assembled.get().complete());
        }
        AssembledSms whole = assembled.get();
        if (Alphabet.of(c.parts.get(0).dcs) == Alphabet.OCTETS && !"2".equals(c.message.get("CHARCODE"))) {
            assertArrayEquals(latin1(c.message.get("MESSAGE")), whole.data());
        } else if ("2".equals(c.message.get("CHARCODE"))) {
            assertEquals(c.message.get("MESSAGE").toUpperCase(), Hex.encode(whole.data()));
        } else {
            assertEquals(c.original != null ? c.original : c.message.get("MESSAGE"), whole.text());
        }
    }

    /** Every stored part encodes the same again: retries and re-sends are byte for byte. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void storedPartIsStable(String name, Case c) {
        for (Options part : new MessageSplitter(new ConcatReferences(1)).split(c.message, c.settings)) {
            Options reread = org.openemg.core.message.OptionCodec.decode(org.openemg.core.message.OptionCodec.encode(part));
            EncodedSms once = SmsEncoder.encode(part);
            EncodedSms again = SmsEncoder.encode(reread);
            assertArrayEquals(once.shortMessage(), again.shortMessage());
            assertArrayEquals(once.messagePayload(), again.messagePayload());
            assertEquals(once.dataCoding(), again.dataCoding());
        }
    }

    @Test
    void referencesRotatePerDestination() {
        MessageSplitter splitter = new MessageSplitter(new ConcatReferences(0xFF));
        Options one = msg(a(200));
        Options other = msg(a(200)).set("DESTADDR", "4680000000");
        assertEquals("050003FF0201", splitter.split(one, UDH8).get(0).get("UDH"));
        assertEquals("050003000201", splitter.split(one, UDH8).get(0).get("UDH"));
        assertEquals("050003FF0201", splitter.split(other, UDH8).get(0).get("UDH"));
        assertEquals("06080401010201", splitter.split(one, UDH16).get(0).get("UDH"));
    }

    @Test
    void storedPartsAreReadableText() {
        List<Options> parts = new MessageSplitter(new ConcatReferences(9)).split(msg(CY.repeat(66) + SMILE + "!!!!"), UDH8);
        assertEquals(CY.repeat(66), parts.get(0).get("MESSAGE"));
        assertEquals(SMILE + "!!!!", parts.get(1).get("MESSAGE"));
        assertEquals("32", parts.get(1).get("CHARCODE"));
        assertEquals("8", parts.get(1).get("DCS"));
        List<Options> gsm = new MessageSplitter(new ConcatReferences(9)).split(msg(a(159) + "€"), SAR);
        assertEquals(a(6) + "€", gsm.get(1).get("MESSAGE"));
        assertEquals("1", gsm.get(1).get("CHARCODE"));
        assertEquals("SAR", gsm.get(1).get("CONCAT"));
    }

    @Test
    void longestMessageIs255Parts() {
        MessageSplitter splitter = new MessageSplitter(new ConcatReferences(0));
        assertEquals(255, splitter.count(msg(a(153 * 255)), UDH8));
    }

    static final class MovableClock extends Clock {
        Instant now = Instant.parse("2025-01-01T00:00:00Z");

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    static Case of(String name, TextSettings settings, Options message, Part... parts) {
        return new Case(name, settings, message, null, List.of(parts));
    }

    static Options msg(String text, String... more) {
        Options o = new Options().set("DESTADDR", DEST).set("MESSAGE", text);
        for (int i = 0; i < more.length; i += 2) {
            o.set(more[i], more[i + 1]);
        }
        return o;
    }

    static Options bin(String hex, String... more) {
        return msg(hex, more).set("CHARCODE", "2");
    }

    static Part sm(int dcs, String udh, byte[] body) {
        return new Part(dcs, udh, body, false, null, null, null);
    }

    static String a(int n) {
        return "a".repeat(n);
    }

    static String octets(int n) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < n; i++) {
            sb.append(String.format("%02X", (i * 37 + 11) & 0xFF));
        }
        return sb.toString();
    }

    static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }

    static byte[] latin1(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }

    static byte[] ucs2(String s) {
        return s.getBytes(StandardCharsets.UTF_16BE);
    }

    static byte[] hex(String s) {
        return HexFormat.of().parseHex(s);
    }

    static byte[] cat(byte[]... pieces) {
        int n = 0;
        for (byte[] p : pieces) {
            n += p.length;
        }
        byte[] out = new byte[n];
        int at = 0;
        for (byte[] p : pieces) {
            System.arraycopy(p, 0, out, at, p.length);
            at += p.length;
        }
        return out;
    }
}
