package org.openemg.core.pap;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/** PAP request bodies for tests: control entities in each version, and multipart/related submissions. */
final class PapTexts {

    static final String PAP_1_0 = "<!DOCTYPE pap PUBLIC \"-//WAPFORUM//DTD PAP 1.0//EN\" \"http://www.wapforum.org/DTD/pap_1.0.dtd\">";
    static final String PAP_2_0 = "<!DOCTYPE pap PUBLIC \"-//WAPFORUM//DTD PAP 2.0//EN\" \"http://www.wapforum.org/DTD/pap_2.0.dtd\">";
    static final String PAP_2_1 =
            "<!DOCTYPE pap PUBLIC \"-//WAPFORUM//DTD PAP 2.1//EN\" \"http://www.openmobilealliance.org/tech/DTD/pap_2.1.dtd\">";
    static final String ADDRESS = "WAPPUSH=+46701234567/TYPE=PLMN@ppg.example.com";
    static final String SI = "<?xml version=\"1.0\"?>\n"
            + "<!DOCTYPE si PUBLIC \"-//WAPFORUM//DTD SI 1.0//EN\" \"http://www.wapforum.org/DTD/si.dtd\">\n"
            + "<si><indication href=\"http://www.example.com/\">You have mail</indication></si>";
    static final String SI_WBXML = "02056a0045c60d036578616d706c650085010359" + "6f752068617665206d61696c000101";
    static final String BOUNDARY = "asdlfkjiurwghasf";
    static final String MULTIPART = "multipart/related; boundary=" + BOUNDARY + "; type=\"application/xml\"";

    private PapTexts() {
    }

    static String control(String doctype, String message) {
        return "<?xml version=\"1.0\"?>\n" + doctype + "\n<pap>\n" + message + "\n</pap>\n";
    }

    /** A push-message with the attributes given (push-id comes first) and one address. */
    static String push(String attributes) {
        return "<push-message push-id=\"p1\" " + attributes + "><address address-value=\"" + ADDRESS + "\"/></push-message>";
    }

    /** control entity, then the content entity with these header lines (CRLF-separated) and body, CRLF line ends. */
    static byte[] multipart(String control, String contentHeaders, byte[] content) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(("--" + BOUNDARY + "\r\nContent-Type: application/xml\r\n\r\n" + control + "\r\n--" + BOUNDARY + "\r\n"
                + contentHeaders + "\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        out.writeBytes(content);
        out.writeBytes(("\r\n--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }

    static byte[] siPush(String control) {
        return multipart(control, "Content-Type: text/vnd.wap.si", SI.getBytes(StandardCharsets.UTF_8));
    }

    static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
