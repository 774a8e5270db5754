package org.openemg.ejb.dispatch;

import java.util.List;
import java.util.function.IntConsumer;
import org.openemg.core.message.MessageState;
import org.openemg.ejb.store.ClaimedPart;

/** PROTOCOL=SINK: accepts everything and marks it DELIVERED at once. */
final class SinkOutlet implements Outlet {

    private final DispatchWork work;
    private final IntConsumer settled;

    SinkOutlet(DispatchWork work, IntConsumer settled) {
        this.work = work;
        this.settled = settled;
    }

    @Override
    public boolean ready() {
        return true;
    }

    @Override
    public void send(List<ClaimedPart> parts) {
        work.finish(parts.stream().map(ClaimedPart::id).toList(), MessageState.DELIVERED);
        settled.accept(parts.size());
    }

    @Override
    public void close() {
        // nothing held
    }
}
