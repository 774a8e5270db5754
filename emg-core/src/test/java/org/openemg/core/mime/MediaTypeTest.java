package org.openemg.core.mime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class MediaTypeTest {

    /** Parameters as name=value pairs joined by '&'. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "multipart/related; boundary=asdlfkjiurwghasf; type=\"application/xml\" | multipart/related | boundary=asdlfkjiurwghasf&type=application/xml",
            "Multipart/Related;Boundary=\"a b;c\";type=application/xml               | multipart/related | boundary=a b;c&type=application/xml",
            "application/xml                                                          | application/xml   | ''",
            "application/xml;                                                         | application/xml   | ''",
            "text/vnd.wap.si ; charset = UTF-8                                        | text/vnd.wap.si   | charset=UTF-8",
            "a/b; x=\"q\\\"uote\"                                                     | a/b               | x=q\"uote",
    })
    void parses(String value, String type, String parameters) throws MimeException {
        MediaType parsed = MediaType.parse(value);
        assertEquals(type, parsed.type());
        Map<String, String> expected = new LinkedHashMap<>();
        for (String pair : parameters.isEmpty() ? new String[0] : parameters.split("&")) {
            expected.put(pair.substring(0, pair.indexOf('=')), pair.substring(pair.indexOf('=') + 1));
        }
        assertEquals(expected, parsed.parameters());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "text", "text/", "/xml", "a/b; x", "a/b; x=", "a/b; x=\"open", "a/b c"})
    void refuses(String value) {
        assertThrows(MimeException.class, () -> MediaType.parse(value));
    }
}
