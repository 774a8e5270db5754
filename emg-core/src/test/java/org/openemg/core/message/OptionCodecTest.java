package org.openemg.core.message;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class OptionCodecTest {

    @ParameterizedTest
    @ValueSource(strings = {"", "plain", "a=b&c=d", "100%", "%26 literal", "åäö €", "line\nbreak", "=&%", "%3D"})
    void valuesSurviveTheRoundTrip(String value) {
        Options options = new Options().set("MESSAGE", value).set("DESTADDR", "+46701234567");
        assertEquals(options, OptionCodec.decode(OptionCodec.encode(options)));
    }

    @Test
    void encodedFormIsReadable() {
        Options options = new Options().set("DESTADDR", "4670").set("MESSAGE", "a&b");
        assertEquals("DESTADDR=4670&MESSAGE=a%26b", OptionCodec.encode(options));
    }

    @Test
    void emptyBagEncodesToEmptyString() {
        assertEquals(new Options(), OptionCodec.decode(OptionCodec.encode(new Options())));
    }
}
