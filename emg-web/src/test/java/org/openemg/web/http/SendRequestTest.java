package org.openemg.web.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.openemg.core.message.GatewayException;
import org.openemg.core.message.Options;
import org.openemg.core.message.Status;

class SendRequestTest {

    private static ParameterList parameters(String... nameValues) {
        ParameterList parameters = new ParameterList();
        for (int i = 0; i < nameValues.length; i += 2) {
            parameters.add(nameValues[i], nameValues[i + 1]);
        }
        return parameters;
    }

    @Test
    void oneMessagePerDestAddrInOrderWithAllOtherOptions() {
        List<Options> messages = SendRequest.messages(parameters(
                "DESTADDR", "3", "MESSAGE", "hi", "DESTADDR", "1", "SOURCEADDR", "Acme", "DESTADDR", "2"),
                false, Optional.empty());
        assertEquals(3, messages.size());
        for (int i = 0; i < 3; i++) {
            Options message = messages.get(i);
            assertEquals(List.of("3", "1", "2").get(i), message.get("DESTADDR"));
            assertEquals("hi", message.get("MESSAGE"));
            assertEquals("Acme", message.get("SOURCEADDR"));
            assertEquals(3, message.size());
        }
    }

    @Test
    void messagesAreIndependentBags() {
        List<Options> messages = SendRequest.messages(parameters("DESTADDR", "1", "DESTADDR", "2", "MESSAGE", "hi"),
                false, Optional.empty());
        messages.get(1).set("ID", "42");
        assertEquals(null, messages.get(0).get("ID"));
    }

    @Test
    void lastOfOtherRepeatedOptionsWins() {
        List<Options> messages = SendRequest.messages(parameters("MESSAGE", "a", "DESTADDR", "1", "MESSAGE", "b"),
                false, Optional.empty());
        assertEquals("b", messages.get(0).get("MESSAGE"));
    }

    @Test
    void noDestAddrIsInvalidArgument() {
        GatewayException e = assertThrows(GatewayException.class,
                () -> SendRequest.messages(parameters("MESSAGE", "hi"), false, Optional.empty()));
        assertEquals(Status.INVALID_ARGUMENT, e.status());
        assertEquals("Invalid argument: DESTADDR", e.statusText());
    }

    @Test
    void emptyDestAddrIsStillARecipient() {
        assertEquals(1, SendRequest.messages(parameters("DESTADDR", ""), false, Optional.empty()).size());
    }

    @Test
    void basicCredentialsUsedWithoutUsernameParameter() {
        Options message = SendRequest.messages(parameters("DESTADDR", "1"), false,
                Optional.of(new BasicCredentials("acme", "pw"))).get(0);
        assertEquals(Map.of("DESTADDR", "1", "USERNAME", "acme", "PASSWORD", "pw"), message.asMap());
    }

    @Test
    void usernameParameterWinsOverBasic() {
        Options message = SendRequest.messages(parameters("USERNAME", "param", "PASSWORD", "ppw", "DESTADDR", "1"),
                false, Optional.of(new BasicCredentials("basic", "bpw"))).get(0);
        assertEquals("param", message.get("USERNAME"));
        assertEquals("ppw", message.get("PASSWORD"));
    }

    @Test
    void destAddrOfASpaceAndDigitsWasAnUnencodedPlus() {
        List<Options> messages = SendRequest.messages(parameters(
                "DESTADDR", " 46701234567", "DESTADDR", " 4670 123", "DESTADDR", " ", "DESTADDR", " +4670"),
                false, Optional.empty());
        assertEquals(List.of("+46701234567", " 4670 123", " ", " +4670"),
                messages.stream().map(m -> m.get("DESTADDR")).toList());
    }

    @Test
    void charcodeLaterInTheRequestStillDecidesHowMessageReads() {
        Options message = SendRequest.messages(parameters("MESSAGE", "\u00C3\u00A5", "DESTADDR", "1", "CHARCODE", "32"),
                false, Optional.empty()).get(0);
        assertEquals("å", message.get("MESSAGE"));
    }
}
