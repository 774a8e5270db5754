package org.openemg.ejb.pap;

import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.openemg.core.message.ClientIdentity;
import org.openemg.core.message.OptionNames;
import org.openemg.core.message.Options;
import org.openemg.core.message.RecipientResult;
import org.openemg.ejb.accept.MessageService;
import org.openemg.ejb.dlr.DeliveryReports;
import org.openemg.ejb.store.ClientMessageRows;
import org.openemg.ejb.store.PushRows;
import org.openemg.ejb.store.PushedAddress;
import org.openemg.ejb.store.PushedMessage;

/**
 * Takes WAP pushes through the accept path every connector uses and keeps which message each address
 * became. A refused push rolls back what was accepted with it, so a push is kept whole or not at all.
 */
@Stateless
public class PushServiceBean implements PushService {

    @EJB
    private MessageService messageService;
    @Inject
    private PushRows pushes;
    @Inject
    private ClientMessageRows messages;
    @Inject
    private DeliveryReports deliveryReports;
    @Resource
    private SessionContext context;

    @Override
    public PushOutcome push(String connector, ClientIdentity client, String pushId, List<Options> addressed) {
        String owner = owner(client.user());
        if (pushes.pending(connector, owner, pushId)) {
            return new PushOutcome.Duplicate();
        }
        pushes.forgetFinished(connector, owner, pushId);
        List<RecipientResult> results = messageService.accept(connector, client, addressed).results();
        long now = System.currentTimeMillis();
        List<PushedMessage> rows = new ArrayList<>(results.size());
        List<Long> ids = new ArrayList<>(results.size());
        for (int i = 0; i < results.size(); i++) {
            String address = addressed.get(i).get(OptionNames.PAP_ADDRESS);
            RecipientResult result = results.get(i);
            if (!result.isAccepted()) {
                context.setRollbackOnly();
                return new PushOutcome.Refused(address, result);
            }
            rows.add(new PushedMessage(result.messageId(), connector, owner, pushId, i, address, now));
            ids.add(result.messageId());
        }
        if (!pushes.record(rows)) {
            // a push with this push-id was committed while this one was being accepted
            context.setRollbackOnly();
            return new PushOutcome.Duplicate();
        }
        return new PushOutcome.Accepted(ids);
    }

    @Override
    public List<PushedAddress> addresses(String connector, String user, String pushId) {
        return pushes.addresses(connector, owner(user), pushId);
    }

    @Override
    public Set<String> cancel(String connector, String user, String pushId, Set<String> addresses) {
        long now = System.currentTimeMillis();
        Set<String> cancelled = new LinkedHashSet<>();
        List<Long> ended = new ArrayList<>();
        for (PushedAddress address : pushes.addresses(connector, owner(user), pushId)) {
            if (addresses.contains(address.address()) && messages.deleteQueued(address.messageId(), now) > 0) {
                cancelled.add(address.address());
                ended.add(address.messageId());
            }
        }
        // a message's id is that of its first part: its DLR (the push's result notification) is due if it is final now
        deliveryReports.issueFor(ended, now);
        return cancelled;
    }

    private static String owner(String user) {
        return user == null ? "" : user;
    }
}
