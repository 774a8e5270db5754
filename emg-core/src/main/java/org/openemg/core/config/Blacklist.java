package org.openemg.core.config;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The blacklist file: {@code address REJECT|LOG [SOURCEADDR|DESTADDR]} a line (tabs or spaces),
 * exact addresses compared without a leading '+'. Held in hash maps because a blacklist may be long
 * and is consulted for every recipient. When an address is listed twice for the same field, the first
 * line wins, as in the routing table.
 */
public final class Blacklist {

    private static final Blacklist EMPTY = new Blacklist(Map.of(), Map.of());

    private final Map<String, BlacklistEntry> sources;
    private final Map<String, BlacklistEntry> destinations;

    private Blacklist(Map<String, BlacklistEntry> sources, Map<String, BlacklistEntry> destinations) {
        this.sources = Map.copyOf(sources);
        this.destinations = Map.copyOf(destinations);
    }

    public static Blacklist empty() {
        return EMPTY;
    }

    public static Blacklist parse(String fileName, String content) {
        Map<String, BlacklistEntry> sources = new HashMap<>();
        Map<String, BlacklistEntry> destinations = new HashMap<>();
        for (ConfigLine line : ConfigLine.of(content)) {
            String[] words = line.words();
            if (words.length < 2 || words.length > 3) {
                throw new ConfigException(fileName, line.number(),
                        "expected 'address REJECT|LOG [SOURCEADDR|DESTADDR]'");
            }
            BlacklistEntry.Action action = new Setting("action", words[1], fileName, line.number())
                    .asChoice(BlacklistEntry.Action.class);
            BlacklistEntry.Field field = words.length == 3
                    ? new Setting("field", words[2], fileName, line.number()).asChoice(BlacklistEntry.Field.class)
                    : BlacklistEntry.Field.DESTADDR;
            String address = RoutingRule.withoutPlus(words[0]);
            if (address.isEmpty()) {
                throw new ConfigException(fileName, line.number(), "empty address");
            }
            BlacklistEntry entry = new BlacklistEntry(address, action, field);
            (field == BlacklistEntry.Field.SOURCEADDR ? sources : destinations).putIfAbsent(address, entry);
        }
        return new Blacklist(sources, destinations);
    }

    /**
     * The entry a message with these addresses hits (either may be null). A REJECT wins over a LOG so a
     * logged sender never hides a rejected recipient; between two of a kind the destination is reported.
     */
    public Optional<BlacklistEntry> match(String sourceAddr, String destAddr) {
        BlacklistEntry dest = destAddr == null ? null : destinations.get(RoutingRule.withoutPlus(destAddr));
        BlacklistEntry source = sourceAddr == null ? null : sources.get(RoutingRule.withoutPlus(sourceAddr));
        if (dest != null && (dest.action() == BlacklistEntry.Action.REJECT || source == null)) {
            return Optional.of(dest);
        }
        if (source != null && (source.action() == BlacklistEntry.Action.REJECT || dest == null)) {
            return Optional.of(source);
        }
        return Optional.ofNullable(dest);
    }

    public int size() {
        return sources.size() + destinations.size();
    }
}
