package org.openemg.core.text;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.openemg.core.config.ConcatMode;

class CodecTest {

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource(value = {
            "@,00", "£,01", "$,02", "¥,03", "è,04", "é,05", "ù,06", "ì,07", "ò,08", "Ç,09", "Ø,0B", "ø,0C", "Å,0E", "å,0F",
            "Δ,10", "_,11", "Φ,12", "Γ,13", "Λ,14", "Ω,15", "Π,16", "Ψ,17", "Σ,18", "Θ,19", "Ξ,1A", "Æ,1C", "æ,1D", "ß,1E", "É,1F",
            "¤,24", "¡,40", "Ä,5B", "Ö,5C", "Ñ,5D", "Ü,5E", "§,5F", "¿,60", "ä,7B", "ö,7C", "ñ,7D", "ü,7E", "à,7F",
            "^,1B14", "{,1B28", "},1B29", "\\,1B2F", "[,1B3C", "~,1B3D", "],1B3E", "€,1B65", "|,1B40"})
    void gsmTable(String text, String septets) {
        assertEquals(septets, Hex.encode(GsmAlphabet.encode(text)));
        assertEquals(septets.length() / 2, GsmAlphabet.septetCount(text));
        assertEquals(text, GsmAlphabet.decode(HexFormat.of().parseHex(septets)));
    }

    @Test
    void wholeAlphabetRoundTrips() {
        byte[] all = new byte[127];
        for (int i = 0, j = 0; i < 128; i++) {
            if (i != 0x1B) {
                all[j++] = (byte) i;
            }
        }
        String text = GsmAlphabet.decode(all);
        assertEquals(127, text.length());
        assertArrayEquals(all, GsmAlphabet.encode(text));
        assertEquals("\f", GsmAlphabet.decode(new byte[] {0x1B, 0x0A}));
        assertEquals("A", GsmAlphabet.decode(new byte[] {0x1B, 0x41}), "unknown extension shows the basic character");
        assertEquals("a", GsmAlphabet.decode(new byte[] {0x61, 0x1B}), "trailing lone escape dropped");
    }

    @ParameterizedTest
    @ValueSource(strings = {"ç", "\u001B", "`", "ï", "😀", "Ж", "\t"})
    void notInGsm(String text) {
        assertFalse(GsmAlphabet.canEncode(text));
        assertEquals(-1, GsmAlphabet.septetCount("abc" + text));
        assertThrows(IllegalArgumentException.class, () -> GsmAlphabet.encode(text));
    }

    @Test
    void packedKnownVector() {
        byte[] septets = "hellohello".getBytes(StandardCharsets.US_ASCII);
        assertEquals("E8329BFD4697D9EC37", Hex.encode(GsmPacking.pack(septets, 0)));
        assertArrayEquals(septets, GsmPacking.unpack(HexFormat.of().parseHex("E8329BFD4697D9EC37"), 0, 0, 10));
        assertEquals(1, GsmPacking.fillBits(6));
        assertEquals(0, GsmPacking.fillBits(7));
        assertEquals(153, GsmPacking.septetCapacity(134, GsmPacking.fillBits(6)));
    }

    @ParameterizedTest(name = "{0} fill bits")
    @ValueSource(ints = {0, 1, 2, 3, 4, 5, 6})
    void packingRoundTrips(int fill) {
        for (int n : new int[] {0, 1, 7, 8, 9, 153, 160}) {
            byte[] septets = new byte[n];
            for (int i = 0; i < n; i++) {
                septets[i] = (byte) ((i * 53 + fill) & 0x7F);
            }
            byte[] packed = GsmPacking.pack(septets, fill);
            assertEquals((fill + 7 * n + 7) / 8, packed.length);
            if (fill > 0 && n > 0) {
                assertEquals(0, packed[0] & ((1 << fill) - 1), "fill bits are zero");
            }
            assertArrayEquals(septets, GsmPacking.unpack(packed, 0, fill, n));
            byte[] afterHeader = new byte[6 + packed.length];
            System.arraycopy(packed, 0, afterHeader, 6, packed.length);
            assertArrayEquals(septets, GsmPacking.unpack(afterHeader, 6, fill, n));
        }
    }

    @Test
    void packingRejectsBadFill() {
        assertThrows(IllegalArgumentException.class, () -> GsmPacking.pack(new byte[1], 7));
        assertThrows(IllegalArgumentException.class, () -> GsmPacking.unpack(new byte[1], 0, 0, 2));
    }

    @Test
    void ucs2KeepsSurrogatePairs() {
        String text = "a😀Ж";
        assertEquals("0061D83DDE000416", Hex.encode(Ucs2.encode(text)));
        assertEquals(text, Ucs2.decode(Ucs2.encode(text)));
        assertEquals("A\uFFFD", Ucs2.decode(new byte[] {0, 0x41, 0x20}));
    }

    @ParameterizedTest(name = "data_coding {0} is {1}")
    @CsvSource({"0,GSM", "1,ASCII", "2,OCTETS", "3,LATIN1", "4,OCTETS", "8,UCS2", "6,OTHER", "16,GSM", "17,GSM", "20,OCTETS",
            "24,UCS2", "27,UCS2", "48,OTHER", "128,OTHER", "192,GSM", "224,UCS2", "240,GSM", "243,GSM", "244,OCTETS", "245,OCTETS"})
    void alphabetOfDataCoding(int dcs, Alphabet alphabet) {
        assertEquals(alphabet, Alphabet.of(dcs));
    }

    @Test
    void concatKeyword() {
        assertEquals(ConcatMode.UDH_8BIT, ConcatMode.parse(null));
        assertEquals(ConcatMode.UDH_8BIT, ConcatMode.parse("8BIT"));
        assertEquals(ConcatMode.UDH_16BIT, ConcatMode.parse("16bit"));
        assertEquals(ConcatMode.SAR, ConcatMode.parse(" SAR "));
        assertEquals(ConcatMode.PAYLOAD, ConcatMode.parse("PAYLOAD"));
        assertThrows(IllegalArgumentException.class, () -> ConcatMode.parse("32BIT"));
    }

    @Test
    void textInput() {
        byte[] utf8 = "Grüße €".getBytes(StandardCharsets.UTF_8);
        assertEquals("Grüße €", TextInput.decode(utf8, true));
        assertEquals(new String(utf8, StandardCharsets.ISO_8859_1), TextInput.decode(utf8, false));
        byte[] latin1 = "Grüße".getBytes(StandardCharsets.ISO_8859_1);
        assertEquals("Grüße", TextInput.decode(latin1, true), "not UTF-8: read as Latin-1");
        assertEquals("Grüße €", TextInput.decode(utf8, "32", false));
        assertEquals("Grüße", TextInput.decode(latin1, "3", true));
    }

    @Test
    void userDataHeaderParts() {
        UserDataHeader header = UserDataHeader.ofHex("0B05040B8423F0000334" + "0201", "UDH");
        assertTrue(header.hasPorts());
        assertEquals(2948, header.destinationPort());
        assertEquals(9200, header.sourcePort());
        assertEquals(new Concat(0x34, 1, 2), header.concat());
        assertEquals("0605040B8423F0", header.without(UserDataHeader.IEI_CONCAT_8BIT).toHex());
        assertEquals(UserDataHeader.NONE, header.without(0, 5));
        UserDataHeader eightBitPorts = UserDataHeader.ofHex("0404020A0B", "UDH");
        assertEquals(10, eightBitPorts.destinationPort());
        assertEquals(11, eightBitPorts.sourcePort());
        assertEquals(new Concat(0x1234, 3, 5), UserDataHeader.ofHex("06080412340503", "UDH").concat());
    }
}
