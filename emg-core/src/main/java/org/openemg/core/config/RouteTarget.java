package org.openemg.core.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One hop of a route: a connector or connector group, optionally with a user ({@code smpp-in:acme})
 * naming the client bound to an incoming SMPP connector that should receive the message.
 */
public record RouteTarget(String name, Optional<String> user) {

    /** @throws IllegalArgumentException for an empty name or user */
    public static RouteTarget parse(String text) {
        String trimmed = text.strip();
        int colon = trimmed.indexOf(':');
        String name = colon < 0 ? trimmed : trimmed.substring(0, colon);
        if (name.isEmpty() || (colon >= 0 && colon == trimmed.length() - 1)) {
            throw new IllegalArgumentException("bad route target '" + text + "'");
        }
        return new RouteTarget(name, colon < 0 ? Optional.empty() : Optional.of(trimmed.substring(colon + 1)));
    }

    /** A route is a comma-separated list of targets, the first preferred and the rest fallbacks. */
    public static List<RouteTarget> parseList(String text) {
        List<RouteTarget> targets = new ArrayList<>();
        for (String part : text.split(",", -1)) {
            targets.add(parse(part));
        }
        return List.copyOf(targets);
    }

    @Override
    public String toString() {
        return user.map(u -> name + ":" + u).orElse(name);
    }
}
