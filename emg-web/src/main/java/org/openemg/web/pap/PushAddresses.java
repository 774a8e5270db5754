package org.openemg.web.pap;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.openemg.core.pap.PapAddress;
import org.openemg.ejb.store.PushedAddress;

/**
 * The addresses a statusquery-message or cancel-message asks about, each with the push's address it
 * names: the same phone number, however the two address-values are written (case, {@code @ppg}, separators).
 */
final class PushAddresses {

    /** An address asked about, as the request wrote it, and the push's address it names (null: not one of the push's). */
    record Match(String asked, PushedAddress pushed) {
    }

    private PushAddresses() {
    }

    /** No address asked about means all of the push's. */
    static List<Match> match(List<PapAddress> asked, List<PushedAddress> pushed) {
        List<Match> matches = new ArrayList<>();
        if (asked.isEmpty()) {
            pushed.forEach(p -> matches.add(new Match(p.address(), p)));
            return matches;
        }
        for (PapAddress address : asked) {
            Optional<String> number = address.phoneNumber();
            PushedAddress found = number.isEmpty() ? null : pushed.stream()
                    .filter(p -> Objects.equals(PapAddress.parse(p.address()).phoneNumber(), number))
                    .findFirst().orElse(null);
            matches.add(new Match(address.value(), found));
        }
        return matches;
    }
}
