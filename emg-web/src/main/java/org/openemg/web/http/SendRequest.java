package org.openemg.web.http;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.openemg.core.message.GatewayException;
import org.openemg.core.message.OptionNames;
import org.openemg.core.message.Options;

/**
 * A {@code /bin/send} request as messages: one option bag per DESTADDR, in request order, each
 * carrying all the other parameters (a repeated one: the last wins), values read as text by
 * {@link ParameterText}.
 * <p>
 * A DESTADDR of a space and digits was {@code +digits}: clients such as curl and browsers send the
 * '+' unencoded, and form decoding makes it a space.
 * <p>
 * Credentials: USERNAME and PASSWORD parameters when the request has a USERNAME parameter,
 * otherwise the {@code Authorization: Basic} header, if any. Parameters win so that a client
 * behind a proxy that adds its own Basic header still logs in as itself.
 */
public final class SendRequest {

    private SendRequest() {
    }

    /**
     * The messages of the request; a request without DESTADDR is refused with status 5.
     * {@code utf8Default} is the connector's DEFAULT_CHARCODE_TEXT=UTF8.
     */
    public static List<Options> messages(ParameterList parameters, boolean utf8Default,
                                         Optional<BasicCredentials> basic) {
        ParameterText text = new ParameterText(parameters.last(OptionNames.CHARCODE), utf8Default);
        Options common = new Options();
        List<String> destinations = new ArrayList<>();
        for (int i = 0; i < parameters.size(); i++) {
            String name = parameters.name(i);
            String value = text.value(name, parameters.value(i));
            if (OptionNames.DESTADDR.equals(name)) {
                destinations.add(destination(value));
            } else {
                common.set(name, value);
            }
        }
        if (destinations.isEmpty()) {
            throw GatewayException.invalidArgument(OptionNames.DESTADDR);
        }
        if (!common.has(OptionNames.USERNAME) && basic.isPresent()) {
            common.set(OptionNames.USERNAME, basic.get().username());
            common.set(OptionNames.PASSWORD, basic.get().password());
        }
        int last = destinations.size() - 1;
        List<Options> messages = new ArrayList<>(destinations.size());
        for (int i = 0; i < last; i++) {
            messages.add(common.copy().set(OptionNames.DESTADDR, destinations.get(i)));
        }
        // The last message takes the common bag itself: one copy fewer, nobody else holds it.
        messages.add(common.set(OptionNames.DESTADDR, destinations.get(last)));
        return messages;
    }

    private static String destination(String value) {
        if (value.length() < 2 || value.charAt(0) != ' ') {
            return value;
        }
        for (int i = 1; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < '0' || c > '9') {
                return value;
            }
        }
        return '+' + value.substring(1);
    }
}
