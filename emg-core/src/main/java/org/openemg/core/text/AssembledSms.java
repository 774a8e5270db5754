package org.openemg.core.text;

import static org.openemg.core.message.OptionNames.CHARCODE;
import static org.openemg.core.message.OptionNames.DCS;
import static org.openemg.core.message.OptionNames.DESTADDR;
import static org.openemg.core.message.OptionNames.DESTPORT;
import static org.openemg.core.message.OptionNames.MESSAGE;
import static org.openemg.core.message.OptionNames.SOURCEADDR;
import static org.openemg.core.message.OptionNames.SOURCEPORT;
import static org.openemg.core.message.OptionNames.UDH;

import org.openemg.core.message.Options;

/**
 * A received message put back together: the parts' user data joined in sequence order and decoded
 * once (so an escape or surrogate pair another sender cut is whole again), the first part's header
 * without its concatenation element, and whether every part arrived.
 */
public record AssembledSms(String source, String destination, int dataCoding, UserDataHeader header,
                           byte[] data, String text, int received, int total, boolean complete) {

    /** MESSAGE (text, or hex with CHARCODE=2), DCS, ports as DESTPORT/SOURCEPORT, other header elements as UDH, and the addresses. */
    public Options toOptions() {
        Options options = new Options();
        options.set(SOURCEADDR, source);
        options.set(DESTADDR, destination);
        if (text == null) {
            options.set(MESSAGE, Hex.encode(data));
            options.set(CHARCODE, MessageBody.CHARCODE_BINARY);
        } else {
            options.set(MESSAGE, text);
        }
        options.set(DCS, dataCoding);
        if (header.hasPorts()) {
            options.set(DESTPORT, header.destinationPort());
            options.set(SOURCEPORT, header.sourcePort());
        }
        UserDataHeader rest = header.without(UserDataHeader.IEI_PORTS_8BIT, UserDataHeader.IEI_PORTS_16BIT);
        if (!rest.isEmpty()) {
            options.set(UDH, rest.toHex());
        }
        return options;
    }
}
