package org.openemg.core.pap;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.openemg.core.pap.PapTexts.BOUNDARY;
import static org.openemg.core.pap.PapTexts.MULTIPART;
import static org.openemg.core.pap.PapTexts.PAP_2_0;
import static org.openemg.core.pap.PapTexts.SI;
import static org.openemg.core.pap.PapTexts.control;
import static org.openemg.core.pap.PapTexts.multipart;
import static org.openemg.core.pap.PapTexts.push;
import static org.openemg.core.pap.PapTexts.siPush;
import static org.openemg.core.pap.PapTexts.utf8;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Whole request bodies: every multipart shape gives the same push; each way a body can be wrong gets its answer. */
class PapRequestTest {

    private static final Instant NOW = Instant.parse("2024-05-01T12:00:00Z");
    private static final String CONTROL = control(PAP_2_0, push(""));

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"canonical", "lf line ends", "quoted boundary", "unquoted type", "preamble and epilogue",
            "capabilities part", "base64 content", "binary content", "other content headers", "header case"})
    void multipartShapesGiveTheSamePush(String shape) throws PapException {
        String contentType = MULTIPART;
        byte[] body = siPush(CONTROL);
        String text = new String(body, StandardCharsets.UTF_8);
        switch (shape) {
            case "lf line ends" -> body = utf8(text.replace("\r\n", "\n"));
            case "quoted boundary" -> contentType = "multipart/related; type=\"application/xml\"; boundary=\"" + BOUNDARY + "\"";
            case "unquoted type" -> contentType = "Multipart/Related;boundary=" + BOUNDARY + ";type=application/xml";
            case "preamble and epilogue" -> body = utf8("This is a multipart message.\r\n" + text + "epilogue\r\n");
            case "capabilities part" -> body = utf8(text.replace("--" + BOUNDARY + "--", "--" + BOUNDARY
                    + "\r\nContent-Type: application/xml\r\n\r\n<rdf:RDF/>\r\n--" + BOUNDARY + "--"));
            case "base64 content" -> body = multipart(CONTROL, "Content-Type: text/vnd.wap.si\r\nContent-Transfer-Encoding: base64",
                    utf8(Base64.getMimeEncoder().encodeToString(utf8(SI))));
            case "binary content" -> body = multipart(CONTROL, "Content-Type: text/vnd.wap.si\r\nContent-Transfer-Encoding: binary",
                    utf8(SI));
            case "other content headers" -> body = multipart(CONTROL, "Content-Type: text/vnd.wap.si\r\nContent-Location: http://pi/si"
                    + "\r\nX-Wap-Initiator-URI: http://pi/\r\nX-Wap-Application-Id: x-wap-application:wml.ua", utf8(SI));
            case "header case" -> body = multipart(CONTROL, "content-type: text/vnd.wap.si", utf8(SI));
            default -> { }
        }
        PapRequest request = PapRequest.parse(contentType, body);
        assertEquals(PapVersion.V2_0, request.version());
        assertEquals("p1", request.push().pushId());
        assertEquals("text/vnd.wap.si", request.content().type().type());
        assertEquals(SI, new String(request.content().body(), StandardCharsets.UTF_8));
    }

    @Test
    void applicationIdIsTakenFromTheContentEntity() throws PapException {
        PapRequest request = PapRequest.parse(MULTIPART, multipart(CONTROL,
                "Content-Type: application/vnd.wap.mms-message\r\nX-Wap-Application-Id: x-wap-application:mms.ua", new byte[] {1}));
        assertEquals("x-wap-application:mms.ua", request.content().applicationId().toString());
        assertArrayEquals(new byte[] {1}, request.content().body());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "statusquery-message | application/xml",
            "cancel-message      | application/xml; charset=utf-8",
            "statusquery-message | text/xml",
    })
    void controlOnlyMessagesComeAsPlainXml(String element, String contentType) throws PapException {
        PapRequest request = PapRequest.parse(contentType, utf8(control(PAP_2_0, "<" + element + " push-id=\"p9\"/>")));
        assertEquals("p9", request.message().pushId());
        assertNull(request.content());
        assertThrows(IllegalStateException.class, request::push);
    }

    @Test
    void controlOnlyMessageInAMultipartIsFine() throws PapException {
        byte[] body = multipart(control(PAP_2_0, "<cancel-message push-id=\"p9\"/>"), "Content-Type: text/plain", new byte[0]);
        assertInstanceOf(CancelMessage.class, PapRequest.parse(MULTIPART, body).message());
    }

    /** Each refusal: Content-Type, body, code, and whether it is a push-response (else badmessage-response). */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"no content type", "bad content type", "text/plain", "no boundary", "no closing delimiter",
            "empty body", "control not XML", "only the control part", "content without Content-Type",
            "quoted-printable content", "bad base64", "push as plain XML", "too large"})
    void refusals(String name) {
        String contentType = MULTIPART;
        byte[] body = siPush(CONTROL);
        int code = 2000;
        boolean pushResponse = false;
        switch (name) {
            case "no content type" -> contentType = null;
            case "bad content type" -> contentType = "multipart";
            case "text/plain" -> contentType = "text/plain";
            case "no boundary" -> contentType = "multipart/related; type=\"application/xml\"";
            case "no closing delimiter" -> body = utf8(new String(body, StandardCharsets.UTF_8).replace("--" + BOUNDARY + "--", ""));
            case "empty body" -> body = new byte[0];
            case "control not XML" -> body = siPush("hello");
            case "only the control part" -> {
                body = utf8("--" + BOUNDARY + "\r\nContent-Type: application/xml\r\n\r\n" + CONTROL + "\r\n--" + BOUNDARY + "--");
                pushResponse = true;
            }
            case "content without Content-Type" -> {
                body = multipart(CONTROL, "X-Wap-Application-Id: 2", utf8(SI));
                pushResponse = true;
            }
            case "quoted-printable content" -> {
                body = multipart(CONTROL, "Content-Type: text/vnd.wap.si\r\nContent-Transfer-Encoding: quoted-printable", utf8(SI));
                pushResponse = true;
            }
            case "bad base64" -> {
                body = multipart(CONTROL, "Content-Type: text/vnd.wap.si\r\nContent-Transfer-Encoding: base64", utf8("A=B="));
                pushResponse = true;
            }
            case "push as plain XML" -> {
                contentType = "application/xml";
                body = utf8(CONTROL);
                pushResponse = true;
            }
            default -> body = multipart(CONTROL, "Content-Type: application/octet-stream", new byte[PapRequest.MAX_BODY_OCTETS]);
        }
        String type = contentType;
        byte[] request = body;
        PapException e = assertThrows(PapException.class, () -> PapRequest.parse(type, request));
        assertEquals(code, e.code().value(), e.getMessage());
        PapResponse response = e.response(PpgIdentity.ANONYMOUS, NOW);
        if (pushResponse) {
            assertEquals("p1", assertInstanceOf(PushResponse.class, response).pushId());
        } else {
            assertInstanceOf(BadMessageResponse.class, response);
        }
    }

    @Test
    void xxeInTheControlEntityIsABadMessageAndTheFileIsNotRead(@TempDir Path dir) throws IOException {
        Path secret = Files.writeString(dir.resolve("secret.txt"), "TOPSECRET");
        String control = "<?xml version=\"1.0\"?>\n<!DOCTYPE pap PUBLIC \"-//WAPFORUM//DTD PAP 2.0//EN\""
                + " \"http://www.wapforum.org/DTD/pap_2.0.dtd\" [<!ENTITY xxe SYSTEM \"" + secret.toUri() + "\">]>\n"
                + "<pap><push-message push-id=\"p1\"><address address-value=\"WAPPUSH=+4670/TYPE=PLMN\"/>&xxe;</push-message></pap>";
        PapException e = assertThrows(PapException.class, () -> PapRequest.parse(MULTIPART, siPush(control)));
        assertEquals(PapCode.BAD_REQUEST, e.code());
        String answer = e.toXml(PpgIdentity.ANONYMOUS, NOW);
        assertTrue(answer.contains("<badmessage-response code=\"2000\""), answer);
        assertTrue(answer.contains("-//WAPFORUM//DTD PAP 2.0//EN"), answer);
        assertFalse(answer.contains("TOPSECRET"), answer);
    }
}
