package org.openemg.core.pap;

import java.util.List;

/** A statusquery-message: the push asked about, and the addresses asked about (none means all of the push's). */
public record StatusQueryMessage(String pushId, List<PapAddress> addresses) implements PapMessage {

    public StatusQueryMessage {
        addresses = List.copyOf(addresses);
    }
}
