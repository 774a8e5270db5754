package org.openemg.ejb.dispatch;

import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.ejb.MessageDriven;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
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

    @Resource
    private TransactionSynchronizationRegistry transaction;

    @Override
    public void submitResults(String connector, List<SubmitResult> results) {
        work.record(connector, results, dispatchers.retryPolicy(connector));
        // after the commit, so that the woken dispatcher sees the requeued rows; a rolled-back group
        // is offered again by the adapter and settles then
        transaction.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
                // nothing to do before the commit
            }

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    dispatchers.settled(connector, results.size());
                }
            }
        });
    }

    @Override
    public int deliver(String connector, DeliverSmEvent event) {
        return deliveries.deliver(connector, event);
    }
}
