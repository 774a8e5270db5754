package org.openemg.core.routing;

import java.util.List;
import java.util.Optional;

/**
 * Where a message goes: {@code candidates} are connector names in the order to try, {@code target}
 * the first of them, and {@code targetUser} the client named with it ({@code smpp-in:acme}). A user
 * written on a fallback target is not kept: fallbacks reach whoever is bound there.
 */
public record ResolvedRoute(String target, List<String> candidates, Optional<String> targetUser) {

    public ResolvedRoute {
        candidates = List.copyOf(candidates);
        if (candidates.isEmpty() || !candidates.get(0).equals(target)) {
            throw new IllegalArgumentException("target must be the first candidate");
        }
    }
}
