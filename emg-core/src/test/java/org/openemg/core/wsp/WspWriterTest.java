package org.openemg.core.wsp;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HexFormat;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** WSP primitive encodings (PAP-WAP.md 3.1). */
class WspWriterTest {

    @ParameterizedTest(name = "uintvar {0}")
    @CsvSource({"0, 00", "20, 14", "127, 7f", "128, 8100", "300, 822c", "16383, ff7f", "16384, 818000",
            "2147483647, 87ffffff7f"})
    void uintvar(int value, String hex) {
        assertEquals(hex, HexFormat.of().formatHex(new WspWriter().uintvar(value).toBytes()));
    }

    @ParameterizedTest(name = "integer {0}")
    @CsvSource({"0, 80", "2, 82", "106, ea", "127, ff", "128, 0180", "179, 01b3", "32770, 028002", "778, 02030a",
            "4294967295, 04ffffffff"})
    void integerValue(long value, String hex) {
        assertEquals(hex, HexFormat.of().formatHex(new WspWriter().integer(value).toBytes()));
    }

    @ParameterizedTest(name = "value-length {0}")
    @CsvSource({"0, 00", "3, 03", "30, 1e", "31, 1f1f", "300, 1f822c"})
    void valueLength(int length, String hex) {
        assertEquals(hex, HexFormat.of().formatHex(new WspWriter().valueLength(length).toBytes()));
    }

    @ParameterizedTest(name = "text {0}")
    @CsvSource({"abc, 61626300", "x-wap-application:foo.ua, 782d7761702d6170706c69636174696f6e3a666f6f2e756100",
            "é, 7fc3a900", "'', 00"})
    void textString(String text, String hex) {
        assertEquals(hex, HexFormat.of().formatHex(new WspWriter().text(text).toBytes()));
    }
}
