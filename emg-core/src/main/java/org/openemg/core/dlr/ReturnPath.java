package org.openemg.core.dlr;

import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.openemg.core.config.ConnectorConfig;
import org.openemg.core.config.ConnectorGroup;
import org.openemg.core.config.RouteTarget;
import org.openemg.core.config.ServerConfig;
import org.openemg.core.config.User;
import org.openemg.core.message.OptionNames;
import org.openemg.core.message.Options;
import org.openemg.core.routing.ResolvedRoute;
import org.openemg.core.routing.RouteResolver;

/**
 * Where a DLR goes (spec section 7): ROUTEDLR of the original (message with ALLOWROUTE, user, connector)
 * when there is one; else back the way the original came: to its client on the incoming connector when
 * that connector can carry messages (an SMPP client's receiver), else to the connector's REDIRECT (an
 * outgoing HTTP connector calling the client's URL). Only connectors that carry messages now count.
 */
public final class ReturnPath {

    /** The connector a DLR leaves by, and the client there it is for (empty: whoever is bound). */
    public record Way(String connector, Optional<String> user) {
    }

    private final RouteResolver routes = new RouteResolver();

    /** The way back for the DLR of {@code original}; empty when it has none, and the DLR is only the state /bin/status shows. */
    public Optional<Way> of(ServerConfig config, Options original, Predicate<String> carriesNow) {
        Optional<ConnectorConfig> incoming = Optional.ofNullable(original.get(OptionNames.CONNECTOR))
                .flatMap(config::connector);
        if (incoming.isEmpty()) {
            return Optional.empty();
        }
        Optional<String> username = Optional.ofNullable(original.get(OptionNames.USERNAME));
        Optional<User> user = username.flatMap(name -> incoming.get().users().flatMap(users -> users.find(name)));
        Optional<ResolvedRoute> hard = routes.resolveDlr(config, incoming.get(), user, original);
        if (hard.isPresent()) {
            return first(hard.get().candidates(), carriesNow)
                    .map(c -> new Way(c, c.equals(hard.get().target()) ? hard.get().targetUser() : Optional.empty()));
        }
        if (incoming.get().carriesMessagesOn() && carriesNow.test(incoming.get().name())) {
            return Optional.of(new Way(incoming.get().name(), username));
        }
        return incoming.get().redirect()
                .map(redirect -> expand(config, RouteTarget.parseList(redirect)))
                .flatMap(candidates -> first(candidates, carriesNow))
                .map(c -> new Way(c, Optional.empty()));
    }

    private static List<String> expand(ServerConfig config, List<RouteTarget> targets) {
        return targets.stream()
                .flatMap(t -> config.group(t.name()).map(g -> g.members().stream().map(ConnectorGroup.Member::name))
                        .orElseGet(() -> Stream.of(t.name())))
                .toList();
    }

    private static Optional<String> first(List<String> candidates, Predicate<String> carriesNow) {
        return candidates.stream().filter(carriesNow).findFirst();
    }
}
