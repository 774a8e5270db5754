package org.openemg.web.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openemg.core.message.GatewayException;
import org.openemg.core.message.Status;

class FormDecoderTest {

    private static List<String> decode(String raw) {
        ParameterList parameters = new ParameterList();
        new FormDecoder().decode(raw, parameters);
        return pairs(parameters);
    }

    private static List<String> pairs(ParameterList parameters) {
        List<String> pairs = new ArrayList<>();
        for (int i = 0; i < parameters.size(); i++) {
            pairs.add(parameters.name(i) + "=" + parameters.value(i));
        }
        return pairs;
    }

    @Test
    void readsABodyOfAnyLengthToItsEndWhateverTheStreamHandsOutAtATime() throws Exception {
        StringBuilder form = new StringBuilder("MESSAGE=long+body");
        List<String> expected = new ArrayList<>(List.of("MESSAGE=long body"));
        for (int i = 0; i < 400; i++) {
            form.append("&DESTADDR=4670").append(1000000 + i);
            expected.add("DESTADDR=4670" + (1000000 + i));
        }
        byte[] octets = form.toString().getBytes(StandardCharsets.US_ASCII);
        // a stream that hands out at most 7 octets per read, as a slow client's body may arrive
        InputStream trickle = new ByteArrayInputStream(octets) {
            @Override
            public synchronized int read(byte[] b, int off, int len) {
                return super.read(b, off, Math.min(len, 7));
            }
        };
        ParameterList parameters = new ParameterList();
        new FormDecoder().decode(trickle, parameters);
        assertEquals(expected, pairs(parameters));

        ParameterList none = new ParameterList();
        new FormDecoder().decode(InputStream.nullInputStream(), none);
        assertEquals(0, none.size());
    }

    @Test
    void keepsOrderAndRepeats() {
        assertEquals(List.of("DESTADDR=1", "MESSAGE=hi", "DESTADDR=2", "DESTADDR=1"),
                decode("DESTADDR=1&MESSAGE=hi&DESTADDR=2&DESTADDR=1"));
    }

    @Test
    void upperCasesNames() {
        assertEquals(List.of("DESTADDR=46701234567", "SOURCEADDR=Acme"), decode("destaddr=46701234567&SourceAddr=Acme"));
    }

    @Test
    void decodesPlusAndPercent() {
        assertEquals(List.of("MESSAGE=Hello world & 100%"), decode("MESSAGE=Hello+world+%26+100%25"));
    }

    @Test
    void keepsValueOctetsAsLatin1CharsWithoutReadingUtf8() {
        assertEquals(List.of("MESSAGE=p\u00C3\u00A5 \u00F0\u009F\u0098\u0080 \u00E5"),
                decode("MESSAGE=p%C3%A5+%F0%9F%98%80+%E5"));
    }

    @Test
    void readsNamesAsUtf8ElseLatin1() {
        assertEquals(List.of("\u00C5=1", "\u00C5\u00C4=2"), decode("%C3%A5=1&%E5%E4=2"));
    }

    @Test
    void decodesPercentEncodedNames() {
        assertEquals(List.of("DESTADDR=+46701234567"), decode("DEST%41DDR=%2B46701234567"));
    }

    @Test
    void aBrokenEscapeIsInvalidArgumentNamingTheParameter() {
        for (String query : new String[] {"MESSAGE=%", "MESSAGE=100%+", "MESSAGE=%G1", "MESSAGE=%4", "A=1&MESSAGE=ab%4&B=2"}) {
            GatewayException e = assertThrows(GatewayException.class, () -> decode(query), query);
            assertEquals(Status.INVALID_ARGUMENT, e.status());
            assertEquals("Invalid argument: MESSAGE", e.statusText(), query);
        }
        GatewayException inName = assertThrows(GatewayException.class, () -> decode("MESS%ZAGE=x"));
        assertEquals("Invalid argument: parameter name", inName.statusText());
        GatewayException oddName = assertThrows(GatewayException.class, () -> decode("A%0AERR+0=%"));
        assertEquals("Invalid argument: parameter name", oddName.statusText(), "no line of the client's in the answer");
    }

    @Test
    void emptyValuesAndMissingEquals() {
        assertEquals(List.of("MESSAGE=", "DLR=", "UDH=", "X=a=b"), decode("MESSAGE=&DLR&UDH=&X=a=b"));
    }

    @Test
    void skipsEmptyNamesAndPairs() {
        assertEquals(List.of("A=1", "B=2"), decode("&A=1&&=x&B=2&"));
    }

    @Test
    void nullOrEmptyQueryIsNoParameters() {
        assertEquals(List.of(), decode(null));
        assertEquals(List.of(), decode(""));
    }

    @Test
    void queryThenBodyInOneList() {
        ParameterList parameters = new ParameterList();
        FormDecoder decoder = new FormDecoder();
        decoder.decode("USERNAME=u&DESTADDR=1", parameters);
        byte[] body = "DESTADDR=2&MESSAGE=%C3%A5%C3%A4%C3%B6+long+enough+to+grow+the+scratch+buffer+beyond+its+first+size"
                .getBytes(StandardCharsets.US_ASCII);
        decoder.decode(body, body.length, parameters);
        assertEquals(List.of("USERNAME=u", "DESTADDR=1", "DESTADDR=2",
                "MESSAGE=\u00C3\u00A5\u00C3\u00A4\u00C3\u00B6 long enough to grow the scratch buffer beyond its first size"),
                pairs(parameters));
    }

    @Test
    void decodesOnlyTheGivenLength() {
        ParameterList parameters = new ParameterList();
        byte[] body = "A=1&B=2".getBytes(StandardCharsets.US_ASCII);
        new FormDecoder().decode(body, 3, parameters);
        assertEquals(List.of("A=1"), pairs(parameters));
    }

    @Test
    void rawBytesInBodyAreKeptAsOctets() {
        ParameterList parameters = new ParameterList();
        byte[] body = "MESSAGE=på".getBytes(StandardCharsets.UTF_8);
        new FormDecoder().decode(body, body.length, parameters);
        assertEquals(List.of("MESSAGE=p\u00C3\u00A5"), pairs(parameters));
    }
}
