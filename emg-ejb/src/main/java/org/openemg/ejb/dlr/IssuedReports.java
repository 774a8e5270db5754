package org.openemg.ejb.dlr;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The ids of DLR messages this node stored, until they are seen final. A DLR issues no DLR of its own, so when it
 * becomes final there is nothing to read back: without this, every DLR delivered cost a query of its row and the
 * decoding of its options. Only a shortcut: an id not known here (another node's DLR, one stored before a restart,
 * or one forgotten at the bound) is read back and found to need nothing, as before.
 */
final class IssuedReports {

    private final int bound;
    private final Set<Long> pending = ConcurrentHashMap.newKeySet();

    IssuedReports(int bound) {
        this.bound = bound;
    }

    /**
     * DLR messages about to be stored. At the bound all are forgotten and it starts over: ids that never show up final
     * here (a failed group's, a DLR deleted by hand) must not leave it full for good.
     */
    void stored(Collection<Long> ids) {
        for (Long id : ids) {
            if (pending.size() >= bound) {
                pending.clear();
            }
            pending.add(id);
        }
    }

    /** Of parts that may have become final, those that may need a DLR: the DLRs known here are left out, and forgotten. */
    List<Long> mayNeedReport(Collection<Long> partIds) {
        if (pending.isEmpty()) {
            return List.copyOf(partIds);
        }
        List<Long> rest = new ArrayList<>(partIds.size());
        for (Long id : partIds) {
            if (!pending.remove(id)) {
                rest.add(id);
            }
        }
        return rest;
    }

    int size() {
        return pending.size();
    }
}
