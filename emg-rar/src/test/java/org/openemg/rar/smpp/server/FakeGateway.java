package org.openemg.rar.smpp.server;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.openemg.core.message.AcceptOutcome;
import org.openemg.core.message.ClientRequest;
import org.openemg.core.message.GatewayException;
import org.openemg.core.message.MessageState;
import org.openemg.core.message.MessageStatus;
import org.openemg.core.message.OptionNames;
import org.openemg.core.message.Options;
import org.openemg.core.message.RecipientResult;
import org.openemg.core.message.Status;

/**
 * The gateway as the sessions see it, in memory: users acme/secret and bob/pw, and denied (whose ALLOWIPS
 * leave out the test); every message is kept with an id from 1000 on unless its DESTADDR starts with 000
 * (no route); every message is acme's and still queued.
 */
final class FakeGateway implements SessionGateway {

    final List<ClientRequest> received = new CopyOnWriteArrayList<>();
    final AtomicInteger receiveCalls = new AtomicInteger();
    final List<String> actions = new CopyOnWriteArrayList<>();
    private final AtomicLong ids = new AtomicLong(1000);

    @Override
    public Status login(String user, String password, String remoteAddress) {
        if ("acme".equals(user) && "secret".equals(password) || "bob".equals(user) && "pw".equals(password)) {
            return Status.OK;
        }
        return "denied".equals(user) ? Status.ACCESS_DENIED : Status.INVALID_LOGIN;
    }

    @Override
    public boolean knowsUser(String user) {
        return List.of("acme", "bob", "denied").contains(user);
    }

    @Override
    public Optional<List<AcceptOutcome>> receiveEach(List<ClientRequest> requests) {
        receiveCalls.incrementAndGet();
        received.addAll(requests);
        List<AcceptOutcome> outcomes = new ArrayList<>();
        for (ClientRequest request : requests) {
            List<RecipientResult> results = new ArrayList<>();
            for (Options message : request.messages()) {
                results.add(message.get(OptionNames.DESTADDR).startsWith("000")
                        ? RecipientResult.refused(new GatewayException(Status.NO_ROUTE))
                        : RecipientResult.accepted(ids.getAndIncrement(), 1));
            }
            outcomes.add(new AcceptOutcome(results, null));
        }
        return Optional.of(outcomes);
    }

    @Override
    public Optional<MessageStatus> status(String user, long id) {
        actions.add("status " + user + " " + id);
        return "acme".equals(user) ? Optional.of(new MessageStatus(id, MessageState.DELIVERED, "4670", "smpp-in",
                "out", null, 1, java.time.Instant.parse("2026-03-01T12:00:00Z"),
                java.time.Instant.parse("2026-03-01T12:05:00Z"))) : Optional.empty();
    }

    @Override
    public boolean cancel(String user, long id) {
        actions.add("cancel " + user + " " + id);
        return "acme".equals(user);
    }

    @Override
    public boolean replace(String user, long id, Options replacement) {
        actions.add("replace " + user + " " + id + " " + replacement.get(OptionNames.MESSAGE));
        return "acme".equals(user);
    }

    /** Every message received so far, in order. */
    List<Options> messages() {
        List<Options> all = new ArrayList<>();
        received.forEach(request -> all.addAll(request.messages()));
        return all;
    }
}
