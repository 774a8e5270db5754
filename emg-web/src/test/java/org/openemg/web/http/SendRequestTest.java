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
                Optional.empty());
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
                Optional.empty());
        messages.get(1).set("ID", "42");
        assertEquals(null, messages.get(0).get("ID"));
    }

    @Test
    void lastOfOtherRepeatedOptionsWins() {
        List<Options> messages = SendRequest.messages(parameters("MESSAGE", "a", "DESTADDR", "1", "MESSAGE", "b"),
                Optional.empty());
        assertEquals("b", messages.get(0).get("MESSAGE"));
    }

    @Test
    void noDestAddrIsInvalidArgument() {
        GatewayException e = assertThrows(GatewayException.class,
                () -> SendRequest.messages(parameters("MESSAGE", "hi"), Optional.empty()));
        assertEquals(Status.INVALID_ARGUMENT, e.status());
        assertEquals("Invalid argument: DESTADDR", e.statusText());
    }

    @Test
    void emptyDestAddrIsStillARecipient() {
        assertEquals(1, SendRequest.messages(parameters("DESTADDR", ""), Optional.empty()).size());
    }

    @Test
    void basicCredentialsUsedWithoutUsernameParameter() {
        Options message = SendRequest.messages(parameters("DESTADDR", "1"),
                Optional.of(new BasicCredentials("acme", "pw"))).get(0);
        assertEquals(Map.of("DESTADDR", "1", "USERNAME", "acme", "PASSWORD", "pw"), message.asMap());
    }

    @Test
    void usernameParameterWinsOverBasic() {
        Options message = SendRequest.messages(parameters("USERNAME", "param", "PASSWORD", "ppw", "DESTADDR", "1"),
                Optional.of(new BasicCredentials("basic", "bpw"))).get(0);
        assertEquals("param", message.get("USERNAME"));
        assertEquals("ppw", message.get("PASSWORD"));
    }
}
