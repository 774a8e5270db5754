package org.openemg.core.config;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A line of the routing table. DESTADDR is a prefix, or {@code /regex/} matched against the whole
 * address; both ignore a leading '+' on either side, so {@code DESTADDR=+46} and {@code 46} agree.
 */
public final class RoutingRule {

    /** The incoming-connector field that matches every connector. */
    public static final String ANY = "*";

    private final String incoming;
    private final List<RouteTarget> targets;
    private final Optional<String> destAddr;
    private final Optional<Pattern> destPattern;
    private final Optional<String> username;
    private final int line;

    RoutingRule(String incoming, List<RouteTarget> targets, Optional<String> destAddr,
            Optional<String> username, int line) {
        this.incoming = incoming;
        this.targets = List.copyOf(targets);
        this.destAddr = destAddr;
        this.destPattern = destAddr.filter(RoutingRule::isRegex)
                .map(d -> Pattern.compile(d.substring(1, d.length() - 1)));
        this.username = username;
        this.line = line;
    }

    static boolean isRegex(String destAddr) {
        return destAddr.length() >= 2 && destAddr.startsWith("/") && destAddr.endsWith("/");
    }

    public boolean matches(String incomingConnector, String dest, String user) {
        if (!ANY.equals(incoming) && !incoming.equals(incomingConnector)) {
            return false;
        }
        if (username.isPresent() && !username.get().equals(user)) {
            return false;
        }
        if (destAddr.isEmpty()) {
            return true;
        }
        if (dest == null) {
            return false;
        }
        String number = withoutPlus(dest);
        return destPattern.map(p -> p.matcher(number).matches())
                .orElseGet(() -> number.startsWith(withoutPlus(destAddr.get())));
    }

    static String withoutPlus(String address) {
        return address.startsWith("+") ? address.substring(1) : address;
    }

    /** The incoming connector name, or {@link #ANY}. */
    public String incoming() {
        return incoming;
    }

    /** The outgoing connector or group first, then the fallbacks in the order written. */
    public List<RouteTarget> targets() {
        return targets;
    }

    /** DESTADDR as written: a prefix or {@code /regex/}. */
    public Optional<String> destAddr() {
        return destAddr;
    }

    public Optional<String> username() {
        return username;
    }

    /** The line of the routing file this rule was read from. */
    public int line() {
        return line;
    }

    @Override
    public String toString() {
        return "RoutingRule[line " + line + ": " + incoming + " " + targets
                + destAddr.map(d -> " DESTADDR=" + d).orElse("")
                + username.map(u -> " USERNAME=" + u).orElse("") + "]";
    }
}
