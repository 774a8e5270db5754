package org.openemg.core.mail;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.mail.Header;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The header block read by {@link ParsedMail} is the one Jakarta Mail reads, and the body starts where it does. */
class ParsedMailTest {

    private static final Session SESSION = Session.getInstance(new Properties());

    @ParameterizedTest
    @ValueSource(strings = {
            "From: a@example.com\r\nTo: 4670@example.com\r\nSubject: Hello\r\n\r\nBody text\r\n",
            "From: a@example.com\nSubject: LF only\n\nBody\nsecond line\n",
            "Subject: folded\r\n over two lines\r\n\tand a tab\r\nX-EMG-Option-UDH: 050003010201\r\n\r\nbody",
            "Subject: =?ISO-8859-1?Q?R=E4ksm=F6rg=E5s?=\r\nContent-Type: text/plain; charset=ISO-8859-1\r\n\r\n\u00e5\u00e4\u00f6",
            "Subject: old Mac line ends\rFrom: b@example.com\r\rbody",
            "Subject: no body at all\r\n",
            "Subject: no blank line and no end",
            " leading continuation\r\nSubject: after it\r\n\r\nbody",
            "Subject: h\u00e9llo in Latin-1 bytes\r\n\r\nb",
            "\r\nbody without headers"})
    void readsWhatJakartaMailReads(String raw) throws MessagingException, IOException {
        byte[] mail = raw.getBytes(StandardCharsets.ISO_8859_1);

        MimeMessage ours = new ParsedMail(SESSION, new ByteArrayInputStream(mail));
        MimeMessage theirs = new MimeMessage(SESSION, new ByteArrayInputStream(mail));

        assertEquals(headers(theirs), headers(ours));
        assertArrayEquals(theirs.getRawInputStream().readAllBytes(), ours.getRawInputStream().readAllBytes());
    }

    private static List<String> headers(MimeMessage message) throws MessagingException {
        List<String> lines = new ArrayList<>();
        for (Header h : Collections.list(message.getAllHeaders())) {
            lines.add(h.getName() + ": " + h.getValue());
        }
        return lines;
    }
}
