package org.openemg.ejb.dispatch;

/** What a dispatcher asks about the other connectors, and about holds on its own. */
interface DispatchPeers {

    boolean held(String connector);

    /** Whether the connector's dispatcher can send now: its outlet is ready and it is not held. */
    boolean sendsNow(String connector);

    /** Rows were moved to the connector's queue. */
    void wake(String connector);
}
