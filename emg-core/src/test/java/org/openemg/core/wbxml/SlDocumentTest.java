package org.openemg.core.wbxml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.openemg.core.wbxml.SiDocumentTest.hex;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** SL to WBXML: PAP-WAP.md 4.4, the SL code page, and how every URL attribute is tokenised. */
class SlDocumentTest {

    @Test
    void vector44IsEighteenOctets() throws DocumentException {
        byte[] wbxml = compile("<?xml version=\"1.0\"?>\n<!DOCTYPE sl PUBLIC \"-//WAPFORUM//DTD SL 1.0//EN\""
                + " \"http://www.wapforum.org/DTD/sl.dtd\">\n<sl href=\"http://www.example.com/\" action=\"execute-high\"/>");
        assertEquals(18, wbxml.length);
        assertEquals(hex("02066A00 85 0A 03 6578616D706C65 00 85 06 01"), HexFormat.of().formatHex(wbxml));
    }

    @ParameterizedTest(name = "action {0} -> {1}")
    @CsvSource({"execute-low, 05", "execute-high, 06", "cache, 07"})
    void actions(String action, String token) throws DocumentException {
        assertEquals(hex("02066A00 85 09 03 61 00" + token + "01"),
                HexFormat.of().formatHex(compile("<sl href=\"http://a\" action=\"" + action + "\"/>")));
    }

    /** Longest prefix first (PAP-WAP.md 2.4), suffix tokens 0x85-0x88 wherever they occur, no empty strings. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "https://www.a.com/    | 0C 03 61 00 85",
            "https://a.edu/        | 0B 03 61 00 86",
            "http://www.a.net/     | 0A 03 61 00 87",
            "http://a.org/         | 09 03 61 00 88",
            "http://www.           | 0A",
            "ftp://a.com/x         | 08 03 6674703A2F2F61 00 85 03 78 00",
            "a.com                 | 08 03 612E636F6D 00",
            "http://a.com/b.org/c  | 09 03 61 00 85 03 62 00 88 03 63 00",
            "http://a.org/.com/    | 09 03 61 00 88 85",
            "HTTP://A.COM/         | 08 03 485454503A2F2F412E434F4D2F 00",
    })
    void urlsAreTokenised(String href, String tokens) throws DocumentException {
        assertEquals(hex("02066A00 85" + tokens + "01"), HexFormat.of().formatHex(compile("<sl href=\"" + href + "\"/>")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"<sl/>", "<sl href=\"http://a\" action=\"execute-now\"/>", "<si href=\"http://a\"/>", "<sl href="})
    void refusesDocumentsThatAreNotSl(String xml) {
        assertThrows(DocumentException.class, () -> compile(xml));
    }

    @Test
    void utf8Href() throws DocumentException {
        assertEquals(hex("02066A00 85 09 03 612FC3A9 00 01"),
                HexFormat.of().formatHex(compile("<sl href=\"http://a/&#233;\"/>")));
    }

    static byte[] compile(String xml) throws DocumentException {
        return SlDocument.parse(xml.getBytes(StandardCharsets.UTF_8), null).toWbxml();
    }
}
