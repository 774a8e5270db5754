package org.openemg.core.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SmtpKeywordsTest {

    private static final String[] SMTP_IN = {
        "CONNECTOR smtp-in <",
        "TYPE=INCOMING",
        "PROTOCOL=SMTP",
        "ADDRESS=:2525",
        "DEFAULT_MSGTYPE=email",
        "USESUBJECT",
        "SEPARATOR=\" - \"",
        "MAXMESSAGESIZE=65536",
        "LOCALDOMAINS=sms.example.com, Example.ORG",
        "LOCALIPS=10.0.0.0/8",
        "KEYSTORE=tls/smtp.p12",
        "KEYSTOREPASSWORD=changeit",
        ">",
        "CONNECTOR smtp-out <",
        "TYPE=OUTGOING",
        "PROTOCOL=SMTP",
        "ADDRESS=mail.example.com:25",
        "DOMAIN=sms.example.com",
        ">"};

    @Test
    void readsTheSmtpKeywordsAndOpensTheKeyStore(@TempDir Path dir) throws Exception {
        Files.createDirectories(dir.resolve("tls"));
        try (InputStream p12 = getClass().getResourceAsStream("/config/smtp-tls.p12")) {
            Files.write(dir.resolve("tls/smtp.p12"), p12.readAllBytes());
        }
        Files.writeString(dir.resolve("server.cfg"), String.join("\n", SMTP_IN));
        ServerConfig config = ServerConfigReader.read(dir);
        ConnectorConfig in = config.connector("smtp-in").orElseThrow();
        assertEquals(MailType.EMAIL, in.mailType());
        assertEquals(Optional.of(65536), in.maxMessageSize());
        assertEquals(List.of("sms.example.com", "example.org"), in.localDomains());
        assertTrue(in.keyStore().orElseThrow().keyStore().containsAlias("emg"));
        ConnectorConfig out = config.connector("smtp-out").orElseThrow();
        assertEquals(Optional.of("sms.example.com"), out.domain());
        assertEquals(MailType.NORMAL, out.mailType());
        assertFalse(out.keyStore().isPresent());
        assertFalse(out.maxMessageSize().isPresent());
    }

    @Test
    void aWrongKeyStorePasswordStopsTheStartAtItsLine(@TempDir Path dir) throws Exception {
        try (InputStream p12 = getClass().getResourceAsStream("/config/smtp-tls.p12")) {
            Files.write(dir.resolve("smtp.p12"), p12.readAllBytes());
        }
        Files.writeString(dir.resolve("server.cfg"), String.join("\n", "CONNECTOR smtp-in <", "TYPE=INCOMING",
                "PROTOCOL=SMTP", "KEYSTORE=smtp.p12", "KEYSTOREPASSWORD=wrong", ">"));
        ConfigException e = assertThrows(ConfigException.class, () -> ServerConfigReader.read(dir));
        assertTrue(e.getMessage().contains("server.cfg:4"), e.getMessage());
        assertTrue(e.getMessage().contains("KEYSTOREPASSWORD is wrong"), e.getMessage());
        assertFalse(e.getMessage().contains("wrong\""), e.getMessage());
    }

    @Test
    void aMissingKeyStoreFileNamesIt() {
        ConfigException e = assertThrows(ConfigException.class, () -> new ConfigFiles().parse(
                "CONNECTOR smtp-in <", "TYPE=INCOMING", "PROTOCOL=SMTP", "KEYSTORE=nowhere.p12", ">"));
        assertTrue(e.getMessage().contains("nowhere.p12"), e.getMessage());
    }

    @Test
    void badSmtpValuesAreRejected() {
        ConfigException type = assertThrows(ConfigException.class, () -> new ConfigFiles().parse(
                "CONNECTOR smtp-in <", "TYPE=INCOMING", "PROTOCOL=SMTP", "DEFAULT_MSGTYPE=FAX", ">"));
        assertTrue(type.getMessage().contains("NORMAL|EMAIL"), type.getMessage());
        ConfigException size = assertThrows(ConfigException.class, () -> new ConfigFiles().parse(
                "CONNECTOR smtp-in <", "TYPE=INCOMING", "PROTOCOL=SMTP", "MAXMESSAGESIZE=0", ">"));
        assertTrue(size.getMessage().contains("server.cfg:4"), size.getMessage());
    }
}
