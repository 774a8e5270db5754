package org.openemg.rar.smpp.client;

import org.openemg.rar.work.SendResults;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.openemg.rar.api.SendResult;

/** A result sink that remembers every result by message id and counts duplicates and calls. */
final class CollectedResults implements SendResults {

    private final Map<Long, SendResult> byMessage = new HashMap<>();
    private final List<String> connectors = new ArrayList<>();
    private int duplicates;
    private int calls;
    private int linksUp;

    @Override
    public synchronized void record(String connector, List<SendResult> results) {
        calls++;
        connectors.add(connector);
        for (SendResult result : results) {
            if (byMessage.putIfAbsent(result.messageId(), result) != null) {
                duplicates++;
            }
        }
        notifyAll();
    }

    @Override
    public synchronized void linkUp(String connector) {
        linksUp++;
    }

    synchronized int linksUp() {
        return linksUp;
    }

    synchronized void awaitCount(int count) throws InterruptedException {
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (byMessage.size() < count) {
            long left = (deadline - System.nanoTime()) / 1_000_000;
            assertTrue(left > 0, "only " + byMessage.size() + " of " + count + " results");
            wait(left);
        }
    }

    synchronized SendResult get(long messageId) {
        return byMessage.get(messageId);
    }

    synchronized List<SendResult> all() {
        return new ArrayList<>(byMessage.values());
    }

    synchronized int size() {
        return byMessage.size();
    }

    synchronized int duplicates() {
        return duplicates;
    }

    synchronized int calls() {
        return calls;
    }

    synchronized List<String> connectors() {
        return new ArrayList<>(connectors);
    }
}
