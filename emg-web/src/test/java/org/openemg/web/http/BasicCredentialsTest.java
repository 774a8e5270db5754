package org.openemg.web.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.openemg.core.message.GatewayException;
import org.openemg.core.message.Status;

class BasicCredentialsTest {

    private static String basic(String userColonPassword) {
        return "Basic " + Base64.getEncoder().encodeToString(userColonPassword.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void decodesUserAndPassword() {
        assertEquals(Optional.of(new BasicCredentials("acme", "s3cret")), BasicCredentials.parse(basic("acme:s3cret")));
    }

    @Test
    void passwordMayContainColonsAndUtf8() {
        assertEquals(Optional.of(new BasicCredentials("jörg", "a:b:ü")), BasicCredentials.parse(basic("jörg:a:b:ü")));
    }

    @Test
    void schemeIsCaseInsensitive() {
        assertTrue(BasicCredentials.parse("basic " + basic("a:b").substring(6)).isPresent());
    }

    @Test
    void noHeaderOrOtherSchemeIsNone() {
        assertFalse(BasicCredentials.parse(null).isPresent());
        assertFalse(BasicCredentials.parse("Bearer abc").isPresent());
    }

    @Test
    void undecodableOrColonlessIsInvalidLogin() {
        assertEquals(Status.INVALID_LOGIN,
                assertThrows(GatewayException.class, () -> BasicCredentials.parse("Basic !!!")).status());
        assertEquals(Status.INVALID_LOGIN,
                assertThrows(GatewayException.class, () -> BasicCredentials.parse(basic("nocolon"))).status());
    }

    @Test
    void toStringHidesThePassword() {
        assertFalse(new BasicCredentials("acme", "s3cret").toString().contains("s3cret"));
    }
}
