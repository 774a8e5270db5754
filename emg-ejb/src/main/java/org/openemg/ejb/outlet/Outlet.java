package org.openemg.ejb.outlet;

import java.util.List;
import org.openemg.ejb.store.ClaimedPart;

/** Where a dispatcher hands its claimed parts: a connector the adapter runs, or the sink. */
public interface Outlet {

    /** How many parts may be handed over and not yet settled: enough to keep every window full. */
    int capacity();

    /** Whether sending is possible now (an SMPP connector with no bind up is not). */
    boolean ready();

    /**
     * Hands the parts over; each part's result comes back later (through the adapter's listener) or at
     * once through the {@link Settlement} the outlet was opened with.
     */
    void send(List<ClaimedPart> parts);

    void close();
}
