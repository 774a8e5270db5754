package org.openemg.ejb.store;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Ids written into an IN list as literals rather than bound as parameters: H2 looks a row up in a set of
 * constants, while it compares each row with every parameter of the list in turn, which made a group's
 * 500-id statements quadratic (bench/RESULTS.md, DLRs). Ids are numbers, so nothing can be injected.
 */
final class IdLiterals {

    private IdLiterals() {
    }

    static String of(List<Long> ids) {
        return ids.stream().map(String::valueOf).collect(Collectors.joining(","));
    }
}
