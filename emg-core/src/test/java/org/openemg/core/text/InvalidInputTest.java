package org.openemg.core.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.openemg.core.message.GatewayException;
import org.openemg.core.message.Options;
import org.openemg.core.message.Status;
import org.openemg.core.config.ConcatMode;

/** Bad input is status 5 naming the option, both when splitting and when counting. */
class InvalidInputTest {

    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of("odd hex", "MESSAGE", opts("MESSAGE", "ABC", "CHARCODE", "2")),
                Arguments.of("bad hex", "MESSAGE", opts("MESSAGE", "0G", "CHARCODE", "2")),
                Arguments.of("non-ASCII digits are not hex", "MESSAGE", opts("MESSAGE", "０１", "CHARCODE", "2")),
                Arguments.of("CHARCODE=1 with a non-GSM char", "MESSAGE", opts("MESSAGE", "façade", "CHARCODE", "1")),
                Arguments.of("CHARCODE=1 with an emoji", "MESSAGE", opts("MESSAGE", "hi 😀", "CHARCODE", "1")),
                Arguments.of("CHARCODE=3 with a non-Latin-1 char", "MESSAGE", opts("MESSAGE", "Привет", "CHARCODE", "3")),
                Arguments.of("CHARCODE=3 with the euro sign", "MESSAGE", opts("MESSAGE", "5 €", "CHARCODE", "3")),
                Arguments.of("unknown CHARCODE", "CHARCODE", opts("MESSAGE", "x", "CHARCODE", "7")),
                Arguments.of("CHARCODE not a number", "CHARCODE", opts("MESSAGE", "x", "CHARCODE", "utf8")),
                Arguments.of("DESTPORT too big", "DESTPORT", opts("MESSAGE", "x", "DESTPORT", "65536")),
                Arguments.of("DESTPORT negative", "DESTPORT", opts("MESSAGE", "x", "DESTPORT", "-1")),
                Arguments.of("DESTPORT not a number", "DESTPORT", opts("MESSAGE", "x", "DESTPORT", "wap")),
                Arguments.of("SOURCEPORT without DESTPORT", "DESTPORT", opts("MESSAGE", "x", "SOURCEPORT", "9200")),
                Arguments.of("SOURCEPORT too big", "SOURCEPORT", opts("MESSAGE", "x", "DESTPORT", "2948", "SOURCEPORT", "70000")),
                Arguments.of("UDH odd hex", "UDH", opts("MESSAGE", "x", "UDH", "05000301020")),
                Arguments.of("UDH length octet wrong", "UDH", opts("MESSAGE", "x", "UDH", "0600030102")),
                Arguments.of("UDH element runs past the end", "UDH", opts("MESSAGE", "x", "UDH", "040004010203")),
                Arguments.of("UDH too long to leave room", "UDH", opts("MESSAGE", "x".repeat(200), "UDH", "8A" + "70" + "88" + "00".repeat(136))),
                Arguments.of("MSGCLASS out of range", "MSGCLASS", opts("MESSAGE", "x", "MSGCLASS", "4")),
                Arguments.of("DCS out of range", "DCS", opts("MESSAGE", "x", "DCS", "256")),
                Arguments.of("DCS with no text alphabet", "DCS", opts("MESSAGE", "x", "DCS", "6")),
                Arguments.of("DCS 0 with text not in GSM", "DCS", opts("MESSAGE", "Привет", "DCS", "0")),
                Arguments.of("DCS 1 with text not in IA5", "DCS", opts("MESSAGE", "é", "DCS", "1")),
                Arguments.of("UCS2 DCS with odd octets", "MESSAGE", opts("MESSAGE", "004100", "CHARCODE", "2", "DCS", "8")),
                Arguments.of("more than 255 parts", "MESSAGE", opts("MESSAGE", "a".repeat(153 * 255 + 1))),
                Arguments.of("client part too long", "MESSAGE", opts("MESSAGE", "a".repeat(154), "CONCATSMSREF", "1", "CONCATSMSSEQ", "1", "CONCATSMSMAX", "2")),
                Arguments.of("client part with concat UDH too long", "MESSAGE", opts("MESSAGE", "a".repeat(154), "UDH", "050003010201")),
                Arguments.of("CONCATSMSSEQ beyond MAX", "CONCATSMSSEQ", opts("MESSAGE", "x", "CONCATSMSREF", "1", "CONCATSMSSEQ", "4", "CONCATSMSMAX", "3")),
                Arguments.of("CONCATSMSREF missing", "CONCATSMSREF", opts("MESSAGE", "x", "CONCATSMSSEQ", "1", "CONCATSMSMAX", "3")),
                Arguments.of("CONCATSMSMAX too big", "CONCATSMSMAX", opts("MESSAGE", "x", "CONCATSMSREF", "1", "CONCATSMSSEQ", "1", "CONCATSMSMAX", "256")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void statusFiveNamingTheOption(String name, String option, Options message) {
        MessageSplitter splitter = new MessageSplitter(new ConcatReferences(1));
        for (TextSettings settings : new TextSettings[] {TextSettings.DEFAULT, new TextSettings(true, ConcatMode.SAR, 0)}) {
            GatewayException e = assertThrows(GatewayException.class, () -> splitter.split(message, settings));
            assertEquals(Status.INVALID_ARGUMENT, e.status());
            assertEquals(option, e.detail());
            assertEquals("Invalid argument: " + option, e.statusText());
            assertThrows(GatewayException.class, () -> splitter.count(message, settings));
        }
    }

    static Options opts(String... pairs) {
        Options o = new Options().set("DESTADDR", "4670000000");
        for (int i = 0; i < pairs.length; i += 2) {
            o.set(pairs[i], pairs[i + 1]);
        }
        return o;
    }
}
