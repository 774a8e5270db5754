package org.openemg.core.accept;

import java.util.List;
import java.util.function.IntPredicate;
import org.openemg.core.message.GatewayException;
import org.openemg.core.message.OptionNames;
import org.openemg.core.message.Options;

/**
 * Numeric options whose values the spec bounds (section 1). A value out of range would be refused by
 * the SMSC long after the client got its id, so it is refused at acceptance, with the option named.
 */
public final class OptionRanges {

    private record Range(String option, IntPredicate allowed) {
    }

    private static final List<Range> RANGES = List.of(
            new Range(OptionNames.DLR, v -> v == 0 || v == 1 || v == 3),
            new Range(OptionNames.PROTOCOLID, v -> v >= 0 && v <= 255),
            new Range(OptionNames.PRIORITY, v -> v >= 0 && v <= 3));

    private OptionRanges() {
    }

    /** @throws GatewayException status 5 naming the first option, in the order above, that is not a number in its range */
    public static void check(Options message) {
        for (Range range : RANGES) {
            if (!range.allowed().test(message.getInt(range.option(), 0))) {
                throw GatewayException.invalidArgument(range.option());
            }
        }
    }
}
