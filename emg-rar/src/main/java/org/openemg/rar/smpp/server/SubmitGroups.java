package org.openemg.rar.smpp.server;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.openemg.core.message.AcceptOutcome;
import org.openemg.core.message.ClientRequest;

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
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition arrived = lock.newCondition();
    private final List<PendingSubmit> pending = new ArrayList<>();
    private boolean stopped;

    SubmitGroups(SessionGateway gateway) {
        this.gateway = gateway;
    }

    void offer(List<PendingSubmit> submits) {
        lock.lock();
        try {
            pending.addAll(submits);
            arrived.signal();
        } finally {
            lock.unlock();
        }
    }

    /** Ends every run; submits not yet handed to the gateway are dropped unanswered (their sessions are closing). */
    void stop() {
        lock.lock();
        try {
            stopped = true;
            pending.clear();
            arrived.signalAll();
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void run() {
        List<PendingSubmit> group;
        while ((group = next()) != null) {
            try {
                answer(group);
            } catch (RuntimeException e) {
                LOG.log(Level.SEVERE, "answering " + group.size() + " submits failed", e);
            }
        }
    }

    private List<PendingSubmit> next() {
        lock.lock();
        try {
            while (pending.isEmpty() && !stopped) {
                arrived.awaitUninterruptibly();
            }
            if (stopped) {
                return null;
            }
            List<PendingSubmit> group;
            if (pending.size() <= MAX_GROUP) {
                group = new ArrayList<>(pending);
                pending.clear();
            } else {
                List<PendingSubmit> head = pending.subList(0, MAX_GROUP);
                group = new ArrayList<>(head);
                head.clear();
                arrived.signal();
            }
            return group;
        } finally {
            lock.unlock();
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
