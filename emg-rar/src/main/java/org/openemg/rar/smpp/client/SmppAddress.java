package org.openemg.rar.smpp.client;

import org.openemg.core.address.SmsAddress;
import org.openemg.core.message.OptionNames;
import org.openemg.core.message.Options;

/** An address as submit_sm carries it: TON, NPI and the digits or text, derived by emg-core's {@link SmsAddress} rules. */
public record SmppAddress(byte ton, byte npi, String address) {

    private static final SmppAddress NONE = new SmppAddress((byte) 0, (byte) 0, "");

    /** The sender; none given leaves it to the SMSC. An invalid one throws GatewayException. */
    public static SmppAddress source(Options options) {
        String value = options.get(OptionNames.SOURCEADDR);
        if (value == null || value.isEmpty()) {
            return NONE;
        }
        return of(SmsAddress.source(value, optional(options, OptionNames.SOURCEADDRTON),
                optional(options, OptionNames.SOURCEADDRNPI)));
    }

    /** The recipient; an invalid one throws GatewayException. */
    public static SmppAddress destination(Options options) {
        return of(SmsAddress.destination(options.get(OptionNames.DESTADDR), optional(options, OptionNames.DESTADDRTON),
                optional(options, OptionNames.DESTADDRNPI)));
    }

    private static SmppAddress of(SmsAddress address) {
        return new SmppAddress((byte) address.ton(), (byte) address.npi(), address.digitsOrText());
    }

    private static Integer optional(Options options, String name) {
        return options.has(name) ? options.getInt(name, 0) : null;
    }
}
