package org.openemg.ejb.outlet;

import java.util.List;
import org.openemg.ejb.store.ClaimedPart;

/** PROTOCOL=SINK: accepts everything and marks it DELIVERED at once. */
final class SinkOutlet implements Outlet {

    private final String connector;
    private final Settlement settlement;

    SinkOutlet(String connector, Settlement settlement) {
        this.connector = connector;
        this.settlement = settlement;
    }

    private static final int CAPACITY = 1_000;

    @Override
    public int capacity() {
        return CAPACITY;
    }

    @Override
    public boolean ready() {
        return true;
    }

    @Override
    public void send(List<ClaimedPart> parts) {
        settlement.delivered(connector, parts.stream().map(ClaimedPart::id).toList());
    }

    @Override
    public void close() {
        // nothing held
    }
}
