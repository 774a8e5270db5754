package org.openemg.ejb.dispatch;

import java.util.List;
import org.openemg.ejb.store.ClaimedPart;

/** Where a dispatcher hands its claimed parts: an SMSC bind pool, or the sink. */
interface Outlet {

    /** Whether sending is possible now (an SMPP connector with no bind up is not). */
    boolean ready();

    /** Hands the parts over; each part's result comes back through {@link DispatchLoop#settled(int)}. */
    void send(List<ClaimedPart> parts);

    void close();
}
