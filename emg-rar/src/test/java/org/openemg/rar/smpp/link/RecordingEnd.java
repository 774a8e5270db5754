package org.openemg.rar.smpp.link;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/** A link end for tests: takes the command ids it is given, answers them as told, and records the rest. */
final class RecordingEnd implements LinkEnd<String> {

    record Answer(String request, PduFrame response) {
    }

    record Loss(List<String> inFlight, String reason) {
    }

    final BlockingQueue<PduFrame> requests = new LinkedBlockingQueue<>();
    final BlockingQueue<Answer> answers = new LinkedBlockingQueue<>();
    final BlockingQueue<List<String>> unanswered = new LinkedBlockingQueue<>();
    final BlockingQueue<Loss> losses = new LinkedBlockingQueue<>();
    final AtomicInteger lossCalls = new AtomicInteger();
    private final Set<Integer> taken;
    private final Function<PduFrame, byte[]> responder;

    RecordingEnd(Set<Integer> taken, Function<PduFrame, byte[]> responder) {
        this.taken = taken;
        this.responder = responder;
    }

    @Override
    public boolean takes(int commandId) {
        return taken.contains(commandId);
    }

    @Override
    public byte[] request(PduFrame request) {
        requests.add(request);
        return responder.apply(request);
    }

    @Override
    public void answered(String request, PduFrame response) {
        answers.add(new Answer(request, response));
    }

    @Override
    public void unanswered(List<String> requests) {
        unanswered.add(new ArrayList<>(requests));
    }

    @Override
    public void drained() {
    }

    @Override
    public void lost(List<String> inFlight, String reason) {
        lossCalls.incrementAndGet();
        losses.add(new Loss(new ArrayList<>(inFlight), reason));
    }
}
