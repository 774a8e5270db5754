package org.openemg.rar.smpp.server;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.openemg.core.message.AcceptOutcome;
import org.openemg.core.message.ClientRequest;
import org.openemg.rar.work.GroupQueue;

/**
 * The submits of all sessions of a connector on their way to the gateway: whatever has arrived while the
 * previous group was being committed goes as one group, one call and one transaction, and each session
 * gets its answers with one write. A few threads take turns (run), so that one group is read and answered
 * while the next is committed.
 */
final class SubmitGroups implements Runnable {

    private static final Logger LOG = Logger.getLogger(SubmitGroups.class.getName());
    /** A group no larger than this keeps a transaction short. */
    private static final int MAX_GROUP = 2_000;

    private final SessionGateway gateway;
    private final GroupQueue<PendingSubmit> pending = new GroupQueue<>(MAX_GROUP);

    SubmitGroups(SessionGateway gateway) {
        this.gateway = gateway;
    }

    void offer(List<PendingSubmit> submits) {
        pending.offer(submits);
    }

    /** Ends every run; submits not yet handed to the gateway are dropped unanswered (their sessions are closing). */
    void stop() {
        pending.stop();
    }

    @Override
    public void run() {
        List<PendingSubmit> group;
        while ((group = pending.next()) != null) {
            try {
                answer(group);
            } catch (RuntimeException e) {
                LOG.log(Level.SEVERE, "answering " + group.size() + " submits failed", e);
            }
        }
    }

    private void answer(List<PendingSubmit> group) {
        List<ClientRequest> requests = new ArrayList<>(group.size());
        group.forEach(submit -> requests.add(submit.request()));
        List<AcceptOutcome> outcomes;
        try {
            outcomes = gateway.receiveEach(requests).orElse(null);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "the gateway failed on " + group.size() + " submits", e);
            outcomes = null;
        }
        Map<ServerSession, List<byte[]>> bySession = new IdentityHashMap<>();
        for (int i = 0; i < group.size(); i++) {
            PendingSubmit submit = group.get(i);
            byte[] response = submit.answer().apply(outcomes == null ? null : outcomes.get(i));
            bySession.computeIfAbsent(submit.session(), s -> new ArrayList<>()).add(response);
        }
        bySession.forEach(ServerSession::respond);
    }
}
