package org.openemg.ejb.inbound;

import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.ejb.MessageDriven;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.util.List;
import java.util.Optional;
import org.jboss.ejb3.annotation.ResourceAdapter;
import org.openemg.core.config.ConnectorConfig;
import org.openemg.core.config.Direction;
import org.openemg.core.message.AcceptOutcome;
import org.openemg.core.message.ClientIdentity;
import org.openemg.core.message.ClientRequest;
import org.openemg.core.message.MessageStatus;
import org.openemg.core.message.Options;
import org.openemg.core.retry.RetryBackoff;
import org.openemg.ejb.accept.MessageService;
import org.openemg.ejb.accept.QueueCommits;
import org.openemg.ejb.config.ConfigurationInForce;
import org.openemg.ejb.dispatch.DispatchWork;
import org.openemg.ejb.dispatch.DispatchLoops;
import org.openemg.rar.api.GatewayListener;
import org.openemg.rar.api.SendResult;

/**
 * What the resource adapter's connectors hand over: the inbound side of the adapter contract. What writes shares a
 * commit group ({@link QueueCommits}) with the requests and results that arrive at the same time.
 */
@MessageDriven(messageListenerInterface = GatewayListener.class)
@ResourceAdapter("emg-ear.ear#emg-rar.rar")
public class GatewayEvents implements GatewayListener {

    @Inject
    private ConfigurationInForce configuration;
    @EJB
    private MessageService messageService;
    @EJB
    private DispatchWork work;
    @Inject
    private DispatchLoops dispatchers;
    @EJB
    private SmscMessages smscMessages;
    @Inject
    private ClientMessages clientMessages;
    @Inject
    private QueueCommits commits;

    @Resource
    private TransactionSynchronizationRegistry transaction;

    /**
     * From an SMSC on an outgoing connector: receipts and MO, in one transaction shared with a commit group; from a
     * client of an incoming one: messages to accept, committed in a group.
     */
    @Override
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public AcceptOutcome receive(String connector, ClientIdentity client, List<Options> messages) {
        if (connector(connector).type() == Direction.OUTGOING) {
            return commits.together(() -> smscMessages.receive(connector, client, messages));
        }
        return messageService.accept(connector, client, messages);
    }

    /** Accepting commits in a commit group ({@link MessageService}), so no transaction is held open around it. */
    @Override
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public List<AcceptOutcome> receiveEach(String connector, List<ClientRequest> requests) {
        return messageService.acceptEach(connector, requests);
    }

    @Override
    public boolean knowsUser(String connector, String user) {
        return clientMessages.knowsUser(connector, user);
    }

    @Override
    public Optional<MessageStatus> status(String connector, String user, long id) {
        return clientMessages.status(connector, user, id);
    }

    @Override
    public boolean cancel(String connector, String user, long id) {
        return clientMessages.cancel(connector, user, id);
    }

    @Override
    public boolean replace(String connector, String user, long id, Options replacement) {
        return clientMessages.replace(connector, user, id, replacement);
    }

    @Override
    public org.openemg.core.message.Status login(String connector, String user, String password, String remoteAddress) {
        return messageService.login(connector, user, password, remoteAddress);
    }

    /**
     * Recorded in a commit group's transaction; the dispatcher learns of them once that committed. Results that could
     * not be recorded are offered again by the adapter with its next group.
     */
    @Override
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public void sendResults(String connector, List<SendResult> results) {
        RetryBackoff backoff = connector(connector).retryBackoff();
        boolean requeued = commits.together(() -> work.record(connector, results, backoff));
        dispatchers.settled(connector, results.size(), requeued);
    }

    @Override
    public void linkUp(String connector) {
        work.releaseParked(connector);
        afterCommit(() -> dispatchers.wake(List.of(connector)));
    }

    private void afterCommit(Runnable action) {
        transaction.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
                // nothing to do before the commit
            }

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    action.run();
                }
            }
        });
    }

    private ConnectorConfig connector(String name) {
        return configuration.current().connector(name)
                .orElseThrow(() -> new IllegalStateException("the adapter named an unknown connector " + name));
    }
}
