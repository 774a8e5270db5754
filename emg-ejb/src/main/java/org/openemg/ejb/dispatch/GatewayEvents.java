package org.openemg.ejb.dispatch;

import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.ejb.MessageDriven;
import jakarta.inject.Inject;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.util.List;
import org.jboss.ejb3.annotation.ResourceAdapter;
import org.openemg.core.config.ConnectorConfig;
import org.openemg.core.config.Direction;
import org.openemg.core.message.AcceptOutcome;
import org.openemg.core.message.ClientIdentity;
import org.openemg.core.message.GatewayException;
import org.openemg.core.message.Options;
import org.openemg.ejb.config.RunningConfiguration;
import org.openemg.rar.api.GatewayListener;
import org.openemg.rar.api.SendResult;

/** What the resource adapter's connectors hand over, each call one transaction. */
@MessageDriven(messageListenerInterface = GatewayListener.class)
@ResourceAdapter("emg-ear.ear#emg-rar.rar")
public class GatewayEvents implements GatewayListener {

    @EJB
    private RunningConfiguration configuration;
    @EJB
    private DispatchWork work;
    @EJB
    private Dispatchers dispatchers;
    @Inject
    private SmscMessages smscMessages;

    @Resource
    private TransactionSynchronizationRegistry transaction;

    @Override
    public AcceptOutcome receive(String connector, ClientIdentity client, List<Options> messages) {
        ConnectorConfig config = connector(connector);
        if (config.type() == Direction.OUTGOING) {
            return smscMessages.receive(connector, messages);
        }
        throw new GatewayException(org.openemg.core.message.Status.UNSPECIFIED,
                "incoming connector " + connector + " is not served by the adapter yet");
    }

    @Override
    public org.openemg.core.message.Status login(String connector, String user, String password, String remoteAddress) {
        throw new GatewayException(org.openemg.core.message.Status.UNSPECIFIED,
                "incoming connector " + connector + " is not served by the adapter yet");
    }

    @Override
    public void sendResults(String connector, List<SendResult> results) {
        work.record(connector, results, RetryPolicy.of(connector(connector)));
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

    private ConnectorConfig connector(String name) {
        return configuration.current().connector(name)
                .orElseThrow(() -> new IllegalStateException("the adapter named an unknown connector " + name));
    }
}
