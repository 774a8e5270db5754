package org.openemg.core.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openemg.core.config.ServerConfig;
import org.openemg.core.config.ServerConfigReader;

class AdminAccessTest {

    @TempDir
    Path emgDir;

    private ServerConfig config() throws Exception {
        Files.writeString(emgDir.resolve("server.cfg"), String.join("\n",
                "CONNECTOR http-in <", "TYPE=INCOMING", "PROTOCOL=HTTP", "USERS=users", ">",
                "CONNECTOR smpp-in <", "TYPE=INCOMING", "PROTOCOL=SMPP", "USERS=smppusers", ">", ""));
        Files.writeString(emgDir.resolve("users"), "root\tsecret\tADMIN\nbob\tplain\n");
        Files.writeString(emgDir.resolve("smppusers"), "carol\tsmpp\tADMIN\nbob\tother\n");
        return ServerConfigReader.read(emgDir);
    }

    @Test
    void anAdminWithHisPasswordIsLetIn() throws Exception {
        assertEquals(AdminAccess.GRANTED, AdminAccess.of(config(), "root", "secret"));
    }

    @Test
    void anAdminOfAnotherConnectorsFileIsLetIn() throws Exception {
        assertEquals(AdminAccess.GRANTED, AdminAccess.of(config(), "carol", "smpp"));
    }

    @Test
    void aWrongPasswordIsUnknown() throws Exception {
        assertEquals(AdminAccess.UNKNOWN, AdminAccess.of(config(), "root", "wrong"));
        assertEquals(AdminAccess.UNKNOWN, AdminAccess.of(config(), "nobody", "secret"));
        assertEquals(AdminAccess.UNKNOWN, AdminAccess.of(config(), "root", null));
    }

    @Test
    void aUserWithoutAdminIsRefused() throws Exception {
        assertEquals(AdminAccess.NOT_ADMIN, AdminAccess.of(config(), "bob", "plain"));
        assertEquals(AdminAccess.NOT_ADMIN, AdminAccess.of(config(), "bob", "other"));
    }
}
