package org.openemg.ejb.accept;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.openemg.core.message.GatewayException;
import org.openemg.core.message.Status;

class LoginAttemptsTest {

    private final LoginAttempts attempts = new LoginAttempts();

    @Test
    void fiveBadLoginsRefuseTheNextWithoutAskingAndOnlyFromThatAddress() {
        for (int i = 0; i < 5; i++) {
            assertEquals(Status.INVALID_LOGIN, attempts.login("192.0.2.9", () -> Status.INVALID_LOGIN));
        }
        AtomicInteger asked = new AtomicInteger();
        assertEquals(Status.INVALID_LOGIN, attempts.login("192.0.2.9", () -> {
            asked.incrementAndGet();
            return Status.OK;
        }));
        assertEquals(0, asked.get(), "the password of a locked-out address is not looked at");
        assertEquals(Status.OK, attempts.login("192.0.2.10", () -> Status.OK));
        GatewayException refused = assertThrows(GatewayException.class, () -> attempts.guarded("192.0.2.9", () -> "sent"));
        assertEquals(Status.INVALID_LOGIN, refused.status());
    }

    @Test
    void refusalsOtherThanABadLoginAndGoodLoginsDoNotCount() {
        for (int i = 0; i < 20; i++) {
            assertEquals(Status.ACCESS_DENIED, attempts.login("192.0.2.9", () -> Status.ACCESS_DENIED));
            assertThrows(GatewayException.class, () -> attempts.guarded("192.0.2.9", () -> {
                throw GatewayException.invalidArgument("DESTADDR");
            }));
            assertEquals("sent", attempts.guarded("192.0.2.9", () -> "sent"));
        }
        assertEquals(Status.OK, attempts.login("192.0.2.9", () -> Status.OK));
    }

    @Test
    void badLoginsThrownByTheWorkCount() {
        for (int i = 0; i < 5; i++) {
            assertThrows(GatewayException.class, () -> attempts.guarded("192.0.2.9", () -> {
                throw new GatewayException(Status.INVALID_LOGIN);
            }));
        }
        assertEquals(Status.INVALID_LOGIN, attempts.login("192.0.2.9", () -> Status.OK));
    }
}
