package org.openemg.core.wbxml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.openemg.core.wbxml.SiDocumentTest.hex;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** CO to WBXML with the code page of PAP-WAP.md 2.5 (Wireshark's table, the only source). */
class CoDocumentTest {

    @Test
    void objectsAndServicesInDocumentOrder() throws DocumentException {
        String xml = "<!DOCTYPE co PUBLIC \"-//WAPFORUM//DTD CO 1.0//EN\" \"http://www.wapforum.org/DTD/co_1.0.dtd\">"
                + "<co><invalidate-object uri=\"http://www.a.com/x\"/><invalidate-service uri=\"https://b.org/\"/>"
                + "<invalidate-object uri=\"https://www.c.net/\"/><invalidate-service uri=\"http://d/\"/>"
                + "<invalidate-object uri=\"e\"/></co>";
        String expected = "02076A00 45"
                + " 86 07 03 61 00 85 03 78 00 01"
                + " 87 08 03 62 00 88 01"
                + " 86 09 03 63 00 87 01"
                + " 87 06 03 642F 00 01"
                + " 86 05 03 65 00 01"
                + " 01";
        assertEquals(hex(expected), HexFormat.of().formatHex(compile(xml)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"<co/>", "<co><invalidate-object/></co>", "<co><flush uri=\"http://a\"/></co>", "<si/>"})
    void refusesDocumentsThatAreNotCo(String xml) {
        assertThrows(DocumentException.class, () -> compile(xml));
    }

    static byte[] compile(String xml) throws DocumentException {
        return CoDocument.parse(xml.getBytes(StandardCharsets.UTF_8), null).toWbxml();
    }
}
