package org.openemg.rar.smpp.server;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.locks.ReentrantLock;
import org.openemg.core.message.OptionNames;
import org.openemg.core.message.Options;
import org.openemg.rar.api.OutgoingMessage;
import org.openemg.rar.smpp.client.ResultFlusher;

/**
 * Messages routed to a connector's clients, waiting for a receiving session (bound as receiver or
 * transceiver) with room in its window. A message is for the user its route named (OUTUSER), else for the
 * user its USERNAME names when that is a user of this connector, else for any receiver (spec section 2).
 * Every session of that user takes from the same queue, so they share the work. A message for whom no
 * session is bound is answered NO_RECEIVER at once: the gateway keeps it queued until a receiver binds,
 * which is told to the gateway as a link up. Both are handed to the results under this class's lock, so
 * that the gateway never hears of a bind before a NO_RECEIVER that bind should have served.
 */
final class Deliveries {

    /** The queue any receiver takes from. */
    private static final String ANYONE = "";

    private final Set<String> users;
    private final ResultFlusher results;
    private final ReentrantLock lock = new ReentrantLock();
    private final Map<String, ArrayDeque<OutgoingMessage>> waiting = new HashMap<>();
    private final List<ServerSession> receivers = new ArrayList<>();

    Deliveries(Set<String> users, ResultFlusher results) {
        this.users = users;
        this.results = results;
    }

    void send(List<OutgoingMessage> batch) {
        List<OutgoingMessage> nobodyBound = new ArrayList<>(0);
        List<ServerSession> toPump;
        lock.lock();
        try {
            for (OutgoingMessage message : batch) {
                String target = target(message.options());
                if (hasReceiver(target)) {
                    waiting.computeIfAbsent(target, t -> new ArrayDeque<>()).addLast(message);
                } else {
                    nobodyBound.add(message);
                }
            }
            results.addNoReceiver(nobodyBound);
            toPump = List.copyOf(receivers);
        } finally {
            lock.unlock();
        }
        toPump.forEach(ServerSession::pump);
    }

    /** Up to {@code max} messages for the session: its user's first, then those for anyone. */
    List<OutgoingMessage> take(ServerSession session, int max) {
        lock.lock();
        try {
            List<OutgoingMessage> taken = new ArrayList<>(Math.min(max, 64));
            poll(waiting.get(session.user()), max, taken);
            poll(waiting.get(ANYONE), max, taken);
            return taken;
        } finally {
            lock.unlock();
        }
    }

    /** Messages a session took but could not send: back to the head of their queues, or NO_RECEIVER when nobody can take them now. */
    void giveBack(List<OutgoingMessage> messages) {
        List<OutgoingMessage> nobodyBound = new ArrayList<>(0);
        List<ServerSession> toPump;
        lock.lock();
        try {
            for (int i = messages.size() - 1; i >= 0; i--) {
                OutgoingMessage message = messages.get(i);
                String target = target(message.options());
                if (hasReceiver(target)) {
                    waiting.computeIfAbsent(target, t -> new ArrayDeque<>()).addFirst(message);
                } else {
                    nobodyBound.add(message);
                }
            }
            results.addNoReceiver(nobodyBound);
            toPump = List.copyOf(receivers);
        } finally {
            lock.unlock();
        }
        toPump.forEach(ServerSession::pump);
    }

    /** A receiving session bound; it takes what waits once it pumps, and the gateway sends what it kept for it. */
    void bound(ServerSession session) {
        lock.lock();
        try {
            receivers.add(session);
            results.linkUp();
        } finally {
            lock.unlock();
        }
    }

    /** A receiving session is gone; what waits for nobody any more is answered NO_RECEIVER. */
    void lost(ServerSession session) {
        List<OutgoingMessage> nobodyBound = new ArrayList<>(0);
        lock.lock();
        try {
            if (!receivers.remove(session)) {
                return;
            }
            for (var it = waiting.entrySet().iterator(); it.hasNext(); ) {
                var queue = it.next();
                if (!hasReceiver(queue.getKey())) {
                    nobodyBound.addAll(queue.getValue());
                    it.remove();
                }
            }
            results.addNoReceiver(nobodyBound);
        } finally {
            lock.unlock();
        }
    }

    /** Unanswered deliver_sm of all receiving sessions. */
    int windowInUse() {
        List<ServerSession> sessions;
        lock.lock();
        try {
            sessions = List.copyOf(receivers);
        } finally {
            lock.unlock();
        }
        return sessions.stream().mapToInt(ServerSession::windowInUse).sum();
    }

    int receiverCount() {
        lock.lock();
        try {
            return receivers.size();
        } finally {
            lock.unlock();
        }
    }

    private String target(Options options) {
        String named = options.get(OptionNames.OUTUSER);
        if (named != null && !named.isEmpty()) {
            return named;
        }
        String sender = options.get(OptionNames.USERNAME);
        return sender != null && users.contains(sender) ? sender : ANYONE;
    }

    private boolean hasReceiver(String target) {
        if (target.equals(ANYONE)) {
            return !receivers.isEmpty();
        }
        for (ServerSession session : receivers) {
            if (target.equals(session.user())) {
                return true;
            }
        }
        return false;
    }

    private static void poll(ArrayDeque<OutgoingMessage> queue, int max, List<OutgoingMessage> into) {
        while (queue != null && into.size() < max && !queue.isEmpty()) {
            into.add(queue.pollFirst());
        }
    }
}
