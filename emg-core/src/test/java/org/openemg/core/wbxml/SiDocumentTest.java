package org.openemg.core.wbxml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** SI to WBXML against PAP-WAP.md section 4's vectors, octet by octet, and the SI code page table. */
class SiDocumentTest {

    static final String DOCTYPE = "<?xml version=\"1.0\"?>\n"
            + "<!DOCTYPE si PUBLIC \"-//WAPFORUM//DTD SI 1.0//EN\" \"http://www.wapforum.org/DTD/si.dtd\">\n";

    /** PAP-WAP.md 4.1, canonical form, 35 octets. */
    static final String MINIMAL_WBXML = "02056A00 45 C6 0D 03 6578616D706C65 00 85 01 03 596F752068617665206D61696C 00 01 01";

    @Test
    void minimalSiIsThe35OctetsOfVector41() throws DocumentException {
        String xml = DOCTYPE + "<si><indication href=\"http://www.example.com/\">You have mail</indication></si>";
        byte[] wbxml = compile(xml);
        assertEquals(35, wbxml.length);
        assertEquals(hex(MINIMAL_WBXML), HexFormat.of().formatHex(wbxml));
    }

    @Test
    void wap167ExampleIsVector42() throws DocumentException {
        String xml = DOCTYPE + "<si><indication href=\"http://www.xyz.com/email/123/abc.wml\""
                + " created=\"1999-06-25T15:23:15Z\" si-expires=\"1999-06-30T00:00:00Z\">"
                + "You have 4 new emails</indication></si>";
        String expected = "02056A00 45 C6 0D 03 78797A 00 85 03 656D61696C2F3132332F6162632E776D6C 00"
                + " 0A C3 07 19990625152315 10 C3 04 19990630 01"
                + " 03 596F7520686176652034206E657720656D61696C73 00 01 01";
        byte[] wbxml = compile(xml);
        assertEquals(75, wbxml.length);
        assertEquals(hex(expected), HexFormat.of().formatHex(wbxml));
    }

    /**
     * PAP-WAP.md 4.3 (Mobile Tidings): MT wrote "mobiletidings.com/" as one inline string; this
     * compiler tokenises ".com/", so the href is two octets shorter and otherwise the same.
     */
    @Test
    void mobileTidingsDocumentCompilesToItsVectorWithDotComTokenised() throws DocumentException {
        String xml = DOCTYPE + "<si><indication href=\"http://mobiletidings.com/\" created=\"2009-02-26T16:25:00Z\""
                + " si-expires=\"2009-03-04T16:25:00Z\">Check out Mobile Tidings!</indication></si>";
        String expected = "02056A00 45 C6 0C 03" + ascii("mobiletidings") + "00 85"
                + " 0A C3 06 200902261625 10 C3 06 200903041625 01"
                + " 03" + ascii("Check out Mobile Tidings!") + "00 01 01";
        assertEquals(hex(expected), HexFormat.of().formatHex(compile(xml)));
    }

    @ParameterizedTest(name = "action {0} -> {1}")
    @CsvSource({"signal-none, 05", "signal-low, 06", "signal-medium, 07", "signal-high, 08", "delete, 09"})
    void actionsAreAttributeStartTokens(String action, String token) throws DocumentException {
        String xml = "<si><indication href=\"http://a.b/\" action=\"" + action + "\">x</indication></si>";
        assertEquals(hex("02056A00 45 C6 0C 03" + ascii("a.b/") + "00" + token + "01 03 78 00 01 01"),
                HexFormat.of().formatHex(compile(xml)));
    }

    @Test
    void attributesGoInOneOrderWhateverTheSourceOrder() throws DocumentException {
        String a = "<si><indication action=\"signal-high\" si-id=\"1@x\" href=\"https://www.x.org/\">t</indication></si>";
        String expected = "02056A00 45 C6 0F 03 78 00 88 11 03" + ascii("1@x") + "00 08 01 03 74 00 01 01";
        assertEquals(hex(expected), HexFormat.of().formatHex(compile(a)));
    }

    @Test
    void textIsTrimmedWithWhiteSpaceRunsMadeOneSpace() throws DocumentException {
        String xml = "<si><indication href=\"http://a/\">\n   You  have\n\tmail  </indication></si>";
        assertEquals(hex("02056A00 45 C6 0C 03 612F 00 01 03" + ascii("You have mail") + "00 01 01"),
                HexFormat.of().formatHex(compile(xml)));
    }

    @Test
    void indicationWithoutTextHasNoContentAndNoEnd() throws DocumentException {
        String xml = "<si><indication href=\"http://a/\" action=\"delete\" si-id=\"7\"/></si>";
        assertEquals(hex("02056A00 45 86 0C 03 612F 00 11 03 37 00 09 01 01"), HexFormat.of().formatHex(compile(xml)));
    }

    @Test
    void infoItemsCarryTheirClassAndText() throws DocumentException {
        String xml = "<si><indication href=\"http://a/\">t</indication>"
                + "<info><item class=\"c1\">one</item><item class=\"c2\"/></info></si>";
        String expected = "02056A00 45 C6 0C 03 612F 00 01 03 74 00 01"
                + " 47 C8 12 03 6331 00 01 03" + ascii("one") + "00 01 88 12 03 6332 00 01 01 01";
        assertEquals(hex(expected), HexFormat.of().formatHex(compile(xml)));
    }

    @Test
    void textIsUtf8() throws DocumentException {
        String xml = "<si><indication href=\"http://a/\">Grüße</indication></si>";
        assertEquals(hex("02056A00 45 C6 0C 03 612F 00 01 03 4772C3BC C39F 65 00 01 01"), HexFormat.of().formatHex(compile(xml)));
    }

    @Test
    void contentTypeCharsetDecidesHowTheDocumentIsRead() throws DocumentException {
        byte[] latin1 = "<si><indication href=\"http://a/\">ü</indication></si>".getBytes(StandardCharsets.ISO_8859_1);
        assertEquals(hex("02056A00 45 C6 0C 03 612F 00 01 03 C3BC 00 01 01"),
                HexFormat.of().formatHex(SiDocument.parse(latin1, "iso-8859-1").toWbxml()));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "<si/>",
            "<sl href=\"http://a/\"/>",
            "<si><indication href=\"http://a/\" action=\"signal-loud\">x</indication></si>",
            "<si><indication created=\"2009-02-30T00:00:00Z\">x</indication></si>",
            "<si><indication si-expires=\"tomorrow\">x</indication></si>",
            "<si><indication>x</indication><info><item>no class</item></info></si>",
            "<si><indication>x</indication><extra/></si>",
            "<si><indication>x</indication>",
    })
    void refusesDocumentsThatAreNotSi(String xml) {
        assertThrows(DocumentException.class, () -> compile(xml));
    }

    @Test
    void externalEntityInTheContentIsRefusedAndNotRead(@TempDir Path dir) throws Exception {
        Path secret = Files.writeString(dir.resolve("secret.txt"), "TOPSECRET");
        String xml = "<!DOCTYPE si [<!ENTITY x SYSTEM \"" + secret.toUri() + "\">]>"
                + "<si><indication href=\"http://a/\">&x;</indication></si>";
        DocumentException e = assertThrows(DocumentException.class, () -> compile(xml));
        assertFalse(e.getMessage().contains("TOPSECRET"));
    }

    static byte[] compile(String xml) throws DocumentException {
        return SiDocument.parse(xml.getBytes(StandardCharsets.UTF_8), null).toWbxml();
    }

    static String hex(String spaced) {
        return spaced.replace(" ", "").toLowerCase();
    }

    static String ascii(String s) {
        return " " + HexFormat.of().formatHex(s.getBytes(StandardCharsets.UTF_8)) + " ";
    }
}
