package org.openemg.rar.smpp.link;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class RequestWindowTest {

    private static final long LONG_AGO = System.nanoTime() - TimeUnit.HOURS.toNanos(1);

    @Test
    void roomIsCapacityLessWhatIsInFlight() throws Exception {
        RequestWindow<String> window = new RequestWindow<>(3);
        assertEquals(3, window.awaitRoom(System.nanoTime()));

        assertTrue(window.register(new int[] {1, 2}, List.of("a", "b"), System.nanoTime()));
        assertEquals(1, window.awaitRoom(System.nanoTime()));
        assertTrue(window.register(new int[] {3}, List.of("c"), System.nanoTime()));
        assertEquals(0, window.awaitRoom(System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(20)));
    }

    @Test
    void aCompletedRequestFreesItsSlotAndWakesTheSender() throws Exception {
        RequestWindow<String> window = new RequestWindow<>(1);
        window.register(new int[] {7}, List.of("a"), System.nanoTime());
        CompletableFuture<Integer> room = CompletableFuture.supplyAsync(() -> {
            try {
                return window.awaitRoom(System.nanoTime() + TimeUnit.SECONDS.toNanos(60));
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });

        assertEquals("a", window.complete(7));

        assertEquals(1, room.get(30, TimeUnit.SECONDS));
        assertNull(window.complete(7), "answered once");
    }

    @Test
    void anAnsweredRequestTellsHowLongItWaitedAndAnUnknownOneTellsNothing() {
        List<Long> waited = new ArrayList<>();
        RequestWindow<String> window = new RequestWindow<>(2, waited::add);
        long sent = System.nanoTime() - 5_000_000;
        window.register(new int[] {4}, List.of("a"), sent);
        assertEquals("a", window.complete(4));
        assertNull(window.complete(4));
        assertEquals(1, waited.size());
        assertTrue(waited.get(0) >= 5_000_000, "at least the 5 ms since it was sent: " + waited);
    }

    @Test
    void expireTakesOnlyWhatWasSentBeforeTheLimit() {
        RequestWindow<String> window = new RequestWindow<>(10);
        long now = System.nanoTime();
        window.register(new int[] {1, 2}, List.of("old1", "old2"), now - TimeUnit.SECONDS.toNanos(90));
        window.register(new int[] {3}, List.of("new"), now);

        assertEquals(Set.of("old1", "old2"), new HashSet<>(window.expire(now - TimeUnit.SECONDS.toNanos(60))));
        assertEquals(1, window.size());
        assertNull(window.complete(1));
        assertEquals("new", window.complete(3));
    }

    @Test
    void closeHandsBackEverythingOnceAndRefusesMore() throws Exception {
        RequestWindow<String> window = new RequestWindow<>(10);
        window.register(new int[] {1, 2, 3}, List.of("a", "b", "c"), LONG_AGO);
        window.complete(2);

        assertEquals(Set.of("a", "c"), new HashSet<>(window.close()));

        assertEquals(List.of(), window.close());
        assertFalse(window.register(new int[] {4}, List.of("d"), System.nanoTime()));
        assertEquals(0, window.awaitRoom(System.nanoTime() + TimeUnit.SECONDS.toNanos(60)), "closed: no waiting");
        assertEquals(List.of(), window.expire(System.nanoTime()));
    }

    @Test
    void aWindowHoldsAtLeastOne() {
        assertThrows(IllegalArgumentException.class, () -> new RequestWindow<>(0));
    }
}
