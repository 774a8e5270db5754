package org.openemg.core.accept;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Slows down password guessing from one address, for every protocol alike: after {@code threshold} bad
 * logins within {@code window} millis, the address is locked out for a time that doubles with each
 * further failure (from {@code firstLock} up to {@code longestLock}); while locked, every login from it
 * is refused without looking at the password, so a guesser gets one try per lock. Good logins are never
 * counted, so a busy client with the right password is never slowed. Refusing instead of delaying holds
 * no thread per attacker.
 * <p>
 * Kept in memory: a restart forgets. At most {@code capacity} addresses are tracked; beyond that, stale
 * ones are dropped first and new addresses go untracked rather than exhausting memory.
 */
public final class LoginLockout {

    private record Failures(int count, long lastAt, long lockedUntil) {
    }

    private final int threshold;
    private final long window;
    private final long firstLock;
    private final long longestLock;
    private final int capacity;
    private final Map<String, Failures> byAddress = new ConcurrentHashMap<>();

    public LoginLockout(int threshold, long window, long firstLock, long longestLock, int capacity) {
        this.threshold = threshold;
        this.window = window;
        this.firstLock = firstLock;
        this.longestLock = longestLock;
        this.capacity = capacity;
    }

    /** Five failures in a minute lock the address for 1 s, then 2, 4 ... up to 5 minutes. */
    public static LoginLockout standard() {
        return new LoginLockout(5, 60_000, 1_000, 300_000, 100_000);
    }

    /** Whether a login from {@code address} is looked at now; false while the address is locked out. */
    public boolean mayTry(String address, long now) {
        Failures f = byAddress.get(key(address));
        return f == null || now >= f.lockedUntil();
    }

    /** Counts a bad login that was looked at; returns until when the address is locked, or 0. */
    public long failed(String address, long now) {
        String key = key(address);
        if (!byAddress.containsKey(key) && byAddress.size() >= capacity) {
            byAddress.values().removeIf(f -> stale(f, now));
            if (byAddress.size() >= capacity) {
                return 0;
            }
        }
        Failures f = byAddress.compute(key, (k, old) -> next(old, now));
        return f.lockedUntil() > now ? f.lockedUntil() : 0;
    }

    /** Addresses currently tracked, for tests and the log. */
    public int tracked() {
        return byAddress.size();
    }

    private Failures next(Failures old, long now) {
        int count = old == null || stale(old, now) ? 1 : old.count() + 1;
        long lockedUntil = old == null ? 0 : old.lockedUntil();
        if (count >= threshold) {
            int doublings = Math.min(count - threshold, 30);
            lockedUntil = now + Math.min(longestLock, firstLock << doublings);
        }
        return new Failures(count, now, lockedUntil);
    }

    private boolean stale(Failures f, long now) {
        return now - f.lastAt() > window && now >= f.lockedUntil();
    }

    private static String key(String address) {
        return address == null ? "" : address;
    }
}
