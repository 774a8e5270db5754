package org.openemg.core.message;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class GatewayExceptionTest {

    @Test
    void aRefusalIsAnAnswerWithoutAStackTrace() {
        GatewayException refused = GatewayException.invalidArgument(OptionNames.DESTADDR);
        assertEquals(0, refused.getStackTrace().length, "filling in a stack per refused recipient was the cost");
        assertEquals("Invalid argument: DESTADDR", refused.statusText());
        assertEquals(Status.INVALID_ARGUMENT, refused.status());
    }
}
