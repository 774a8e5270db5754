package org.openemg.core.accept;

import org.openemg.core.address.SmsAddress;
import org.openemg.core.message.OptionNames;
import org.openemg.core.message.Options;

/** The addresses of one message: DESTADDR is required, SOURCEADDR optional; both with their TON and NPI. */
public final class RecipientAddresses {

    private RecipientAddresses() {
    }

    /** @throws org.openemg.core.message.GatewayException status 5 naming the address or TON/NPI option */
    public static void check(Options message) {
        SmsAddress.destination(message.get(OptionNames.DESTADDR), intOption(message, OptionNames.DESTADDRTON),
                intOption(message, OptionNames.DESTADDRNPI));
        String source = message.get(OptionNames.SOURCEADDR);
        if (source != null) {
            SmsAddress.source(source, intOption(message, OptionNames.SOURCEADDRTON),
                    intOption(message, OptionNames.SOURCEADDRNPI));
        }
    }

    private static Integer intOption(Options message, String name) {
        return message.has(name) ? message.getInt(name, 0) : null;
    }
}
