package org.openemg.rar.smtp;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import org.openemg.core.message.AcceptOutcome;
import org.openemg.core.message.ClientIdentity;
import org.openemg.core.message.GatewayException;
import org.openemg.core.message.Options;
import org.openemg.core.message.RecipientResult;
import org.openemg.core.message.Status;

/**
 * The gateway as the SMTP connector sees it: keeps what it is given, numbers messages from a start id,
 * knows the user alice (password secret), and can be told to refuse recipients or to be unavailable.
 */
final class FakeGateway implements MailGateway {

    record Received(ClientIdentity client, List<Options> messages) {
    }

    final List<Received> received = new CopyOnWriteArrayList<>();
    private final AtomicLong nextId;
    private volatile Function<Options, Optional<GatewayException>> refusal = m -> Optional.empty();
    private volatile GatewayException wholeRefusal;
    private volatile boolean unavailable;
    private volatile boolean paused;

    FakeGateway(long firstId) {
        this.nextId = new AtomicLong(firstId);
    }

    void refuseWhere(Function<Options, Optional<GatewayException>> rule) {
        this.refusal = rule;
    }

    void refuseEverything(GatewayException e) {
        this.wholeRefusal = e;
    }

    void unavailable() {
        this.unavailable = true;
    }

    /** As when the operator stopped the SMTP MDB's delivery: nothing taken until {@link #resume}. */
    void pause() {
        paused = true;
    }

    void resume() {
        paused = false;
    }

    @Override
    public boolean takesMail() {
        return !paused;
    }

    List<Options> messages() {
        List<Options> all = new ArrayList<>();
        received.forEach(r -> all.addAll(r.messages()));
        return all;
    }

    @Override
    public Optional<AcceptOutcome> receive(ClientIdentity client, List<Options> messages) {
        if (unavailable || paused) {
            return Optional.empty();
        }
        if (wholeRefusal != null) {
            throw wholeRefusal;
        }
        List<RecipientResult> results = new ArrayList<>();
        List<Options> kept = new ArrayList<>();
        for (Options message : messages) {
            Optional<GatewayException> refused = refusal.apply(message);
            if (refused.isPresent()) {
                results.add(RecipientResult.refused(refused.get()));
            } else {
                results.add(RecipientResult.accepted(nextId.getAndIncrement(), 1));
                kept.add(message);
            }
        }
        received.add(new Received(client, kept));
        return Optional.of(new AcceptOutcome(results, null));
    }

    @Override
    public Status login(String user, String password, String remoteAddress) {
        return "alice".equals(user) && "secret".equals(password) ? Status.OK : Status.INVALID_LOGIN;
    }
}
