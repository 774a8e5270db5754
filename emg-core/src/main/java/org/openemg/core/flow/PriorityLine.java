package org.openemg.core.flow;

import java.util.ArrayDeque;

/**
 * A queue that hands out higher PRIORITY first (3 highest, 0 normal, spec section 1) and, within one
 * priority, in arrival order. A priority outside 0-3 counts as the nearest end. Not thread-safe.
 */
public final class PriorityLine<T> {

    private static final int LEVELS = 4;

    @SuppressWarnings("unchecked")
    private final ArrayDeque<T>[] levels = new ArrayDeque[LEVELS];
    private int size;

    public PriorityLine() {
        for (int i = 0; i < LEVELS; i++) {
            levels[i] = new ArrayDeque<>();
        }
    }

    public void add(int priority, T item) {
        levels[Math.max(0, Math.min(LEVELS - 1, priority))].addLast(item);
        size++;
    }

    /** The first item of the highest priority; null when empty. */
    public T poll() {
        for (int i = LEVELS - 1; i >= 0; i--) {
            T item = levels[i].pollFirst();
            if (item != null) {
                size--;
                return item;
            }
        }
        return null;
    }

    public int size() {
        return size;
    }

    public boolean isEmpty() {
        return size == 0;
    }
}
