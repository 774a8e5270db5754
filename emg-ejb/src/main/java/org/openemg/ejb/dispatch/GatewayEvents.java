package org.openemg.ejb.dispatch;

import jakarta.ejb.EJB;
import jakarta.ejb.MessageDriven;
import java.util.List;
import org.jboss.ejb3.annotation.ResourceAdapter;
import jakarta.inject.Inject;
import org.openemg.rar.api.DeliverSmEvent;
import org.openemg.rar.api.GatewayListener;
import org.openemg.rar.api.SubmitResult;

/** What the resource adapter hears, recorded in one transaction per group. */
@MessageDriven(messageListenerInterface = GatewayListener.class)
@ResourceAdapter("emg-ear.ear#emg-rar.rar")
public class GatewayEvents implements GatewayListener {

    @EJB
    private DispatchWork work;
    @EJB
    private Dispatchers dispatchers;
    @Inject
    private SmscDeliveries deliveries;

    @Override
    public void submitResults(String connector, List<SubmitResult> results) {
        work.record(connector, results, dispatchers.retryPolicy(connector));
        dispatchers.settled(connector, results.size());
    }

    @Override
    public int deliver(String connector, DeliverSmEvent event) {
        return deliveries.deliver(connector, event);
    }
}
