package org.openemg.ejb.dispatch;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import org.openemg.core.message.MessageState;
import org.openemg.ejb.outlet.Settlement;

/** Parts an outlet settled itself are final at once, and leave room in their dispatcher. */
@ApplicationScoped
public class DispatchSettlement implements Settlement {

    @EJB
    private DispatchWork work;
    @Inject
    private DispatchLoops dispatchers;

    @Override
    public void delivered(String connector, List<Long> partIds) {
        work.finish(connector, partIds, MessageState.DELIVERED);
        dispatchers.settled(connector, partIds.size(), false);
    }
}
