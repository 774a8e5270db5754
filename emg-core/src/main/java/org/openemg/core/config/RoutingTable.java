package org.openemg.core.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.PatternSyntaxException;

/**
 * The routing table file: {@code <incoming|*> <target>[,<fallback>...] [DESTADDR=..] [USERNAME=..]}
 * a line, first match wins. A regex may not contain whitespace, since fields are whitespace-separated.
 */
public final class RoutingTable {

    private static final RoutingTable EMPTY = new RoutingTable(List.of());

    private final List<RoutingRule> rules;

    private RoutingTable(List<RoutingRule> rules) {
        this.rules = List.copyOf(rules);
    }

    public static RoutingTable empty() {
        return EMPTY;
    }

    /** Parses without checking that connectors exist; the server.cfg reader does that. */
    public static RoutingTable parse(String fileName, String content) {
        List<RoutingRule> rules = new ArrayList<>();
        for (ConfigLine line : ConfigLine.of(content)) {
            rules.add(rule(line, fileName));
        }
        return new RoutingTable(rules);
    }

    private static RoutingRule rule(ConfigLine line, String file) {
        String[] words = line.words();
        if (words.length < 2) {
            throw new ConfigException(file, line.number(),
                    "expected '<incoming connector|*> <target>[,<fallback>...] [DESTADDR=..] [USERNAME=..]'");
        }
        List<RouteTarget> targets;
        try {
            targets = RouteTarget.parseList(words[1]);
        } catch (IllegalArgumentException e) {
            throw new ConfigException(file, line.number(), e.getMessage());
        }
        Optional<String> destAddr = Optional.empty();
        Optional<String> username = Optional.empty();
        for (int i = 2; i < words.length; i++) {
            Setting s = Setting.parse(words[i], file, line.number());
            switch (s.keyword()) {
                case "DESTADDR" -> {
                    if (destAddr.isPresent()) {
                        throw s.error("DESTADDR given twice");
                    }
                    destAddr = Optional.of(s.required());
                }
                case "USERNAME" -> {
                    if (username.isPresent()) {
                        throw s.error("USERNAME given twice");
                    }
                    username = Optional.of(s.required());
                }
                default -> throw s.error("unknown routing keyword " + s.keyword());
            }
        }
        try {
            return new RoutingRule(words[0], targets, destAddr, username, line.number());
        } catch (PatternSyntaxException e) {
            throw new ConfigException(file, line.number(), "bad DESTADDR regex: " + e.getDescription());
        }
    }

    /** The first rule for this incoming connector, destination and user (either may be null). */
    public Optional<RoutingRule> match(String incomingConnector, String destAddr, String username) {
        for (RoutingRule rule : rules) {
            if (rule.matches(incomingConnector, destAddr, username)) {
                return Optional.of(rule);
            }
        }
        return Optional.empty();
    }

    public List<RoutingRule> rules() {
        return rules;
    }
}
