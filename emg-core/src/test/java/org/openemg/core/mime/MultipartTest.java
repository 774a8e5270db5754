package org.openemg.core.mime;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every shape a push initiator sends must split into the same parts. */
class MultipartTest {

    private static final String CANONICAL = "--b1\r\nContent-Type: application/xml\r\n\r\n<pap/>\r\n"
            + "--b1\r\nContent-Type: text/plain\r\nX-Wap-Application-Id: x-wap-application:wml.ua\r\n\r\nhello\r\n--b1--\r\n";

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
            "crlf",
            "lf",
            "preamble",
            "epilogue",
            "padding",
            "folded",
            "no trailing line end",
    })
    void shapes(String shape) throws MimeException {
        String body = switch (shape) {
            case "crlf" -> CANONICAL;
            case "lf" -> CANONICAL.replace("\r\n", "\n");
            case "preamble" -> "This is a multi-part message in MIME format.\r\n\r\n" + CANONICAL;
            case "epilogue" -> CANONICAL + "trailing words\r\n";
            case "padding" -> CANONICAL.replace("--b1\r\n", "--b1  \t\r\n");
            case "folded" -> CANONICAL.replace("X-Wap-Application-Id: x-wap", "X-Wap-Application-Id:\r\n\tx-wap");
            default -> CANONICAL.substring(0, CANONICAL.length() - 2);
        };
        List<MimePart> parts = Multipart.split(body.getBytes(StandardCharsets.ISO_8859_1), "b1");
        assertEquals(2, parts.size());
        assertEquals("application/xml", parts.get(0).header("content-type"));
        assertEquals("<pap/>", new String(parts.get(0).body(), StandardCharsets.ISO_8859_1));
        assertEquals("x-wap-application:wml.ua", parts.get(1).header("X-WAP-APPLICATION-ID"));
        assertEquals("hello", new String(parts.get(1).body(), StandardCharsets.ISO_8859_1));
    }

    @Test
    void binaryBodyComesOutExactly() throws MimeException {
        byte[] binary = {0x02, 0x05, 0x6A, 0x00, '\r', '\n', '-', '-', 'b', '1', 'x', '\n', 0x0D, 0x0A, (byte) 0xFF};
        byte[] head = "--b1\r\nContent-Type: application/vnd.wap.sic\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1);
        byte[] tail = "\r\n--b1--".getBytes(StandardCharsets.ISO_8859_1);
        byte[] body = new byte[head.length + binary.length + tail.length];
        System.arraycopy(head, 0, body, 0, head.length);
        System.arraycopy(binary, 0, body, head.length, binary.length);
        System.arraycopy(tail, 0, body, head.length + binary.length, tail.length);
        assertArrayEquals(binary, Multipart.split(body, "b1").get(0).body());
    }

    @Test
    void thirdPartIsKept() throws MimeException {
        String body = CANONICAL.replace("--b1--", "--b1\r\nContent-Type: application/xml\r\n\r\n<rdf/>\r\n--b1--");
        assertEquals(3, Multipart.split(body.getBytes(StandardCharsets.ISO_8859_1), "b1").size());
    }

    @Test
    void partWithoutHeaders() throws MimeException {
        MimePart part = Multipart.split("--b\r\n\r\nbody\r\n--b--".getBytes(StandardCharsets.ISO_8859_1), "b").get(0);
        assertEquals(0, part.headers().size());
        assertEquals("body", new String(part.body(), StandardCharsets.ISO_8859_1));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "no delimiter at all",
            "--b1\r\nContent-Type: a/b\r\n\r\nbody without closing delimiter\r\n",
            "--b1\r\nnot a header\r\n\r\nbody\r\n--b1--",
            "--b1",
    })
    void refuses(String body) {
        assertThrows(MimeException.class, () -> Multipart.split(body.getBytes(StandardCharsets.ISO_8859_1), "b1"));
    }

    @Test
    void refusesMissingBoundary() {
        assertThrows(MimeException.class, () -> Multipart.split(CANONICAL.getBytes(StandardCharsets.ISO_8859_1), null));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"base64", "BASE64", " Base64 "})
    void base64TransferEncodingIsDecodedAcrossLines(String encoding) throws MimeException {
        MimePart part = new MimePart(Map.of("Content-Transfer-Encoding", encoding),
                "AgVq\r\nAEXG\r\n".getBytes(StandardCharsets.ISO_8859_1));
        assertArrayEquals(new byte[] {0x02, 0x05, 0x6A, 0x00, 0x45, (byte) 0xC6}, part.decodedBody());
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"binary", "8bit", "7bit"})
    void identityTransferEncodings(String encoding) throws MimeException {
        byte[] octets = {0x00, (byte) 0xC3, 0x0A};
        assertArrayEquals(octets, new MimePart(Map.of("Content-Transfer-Encoding", encoding), octets).decodedBody());
    }

    @Test
    void unknownTransferEncodingAndBadBase64AreRefused() {
        assertThrows(MimeException.class, () -> new MimePart(Map.of("Content-Transfer-Encoding", "quoted-printable"),
                new byte[0]).decodedBody());
        assertThrows(MimeException.class, () -> new MimePart(Map.of("Content-Transfer-Encoding", "base64"),
                "AgV=q".getBytes(StandardCharsets.ISO_8859_1)).decodedBody());
    }
}
