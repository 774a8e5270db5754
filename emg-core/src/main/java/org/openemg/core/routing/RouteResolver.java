package org.openemg.core.routing;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Function;
import java.util.random.RandomGenerator;

import org.openemg.core.config.ConnectorConfig;
import org.openemg.core.config.ConnectorGroup;
import org.openemg.core.config.GroupType;
import org.openemg.core.config.RouteTarget;
import org.openemg.core.config.RoutingRule;
import org.openemg.core.config.ServerConfig;
import org.openemg.core.config.User;
import org.openemg.core.message.GatewayException;
import org.openemg.core.message.OptionNames;
import org.openemg.core.message.Options;
import org.openemg.core.message.Status;

/**
 * Decides the outgoing connector of a message (spec section 2): message ROUTE (only where the
 * incoming connector has ALLOWROUTE) &gt; user ROUTE &gt; connector ROUTE &gt; routing table.
 * Thread-safe when its random generator is; the default one is.
 */
public final class RouteResolver {

    private final RandomGenerator random;

    public RouteResolver() {
        this(() -> ThreadLocalRandom.current().nextLong());
    }

    /** {@code random} picks the first member of LB groups. */
    public RouteResolver(RandomGenerator random) {
        this.random = random;
    }

    /** @throws GatewayException with {@link Status#NO_ROUTE} when nothing routes the message anywhere known */
    public ResolvedRoute resolve(ServerConfig cfg, ConnectorConfig incoming, Optional<User> user, Options message) {
        List<RouteTarget> targets = hardRoute(incoming, user, message, OptionNames.ROUTE, User::route,
                incoming.route())
                .or(() -> cfg.routing()
                        .match(incoming.name(), message.get(OptionNames.DESTADDR), message.get(OptionNames.USERNAME))
                        .map(RoutingRule::targets))
                .orElseThrow(() -> new GatewayException(Status.NO_ROUTE));
        return expand(cfg, targets);
    }

    /**
     * Where the delivery reports of a message go when ROUTEDLR says so (same precedence, no routing
     * table); empty means back the way the original came.
     */
    public Optional<ResolvedRoute> resolveDlr(ServerConfig cfg, ConnectorConfig incoming, Optional<User> user,
            Options message) {
        return hardRoute(incoming, user, message, OptionNames.ROUTEDLR, User::routeDlr, incoming.routeDlr())
                .map(targets -> expand(cfg, targets));
    }

    private static Optional<List<RouteTarget>> hardRoute(ConnectorConfig incoming, Optional<User> user,
            Options message, String option, Function<User, Optional<String>> ofUser,
            Optional<String> ofConnector) {
        Optional<String> fromMessage = incoming.allowRoute()
                ? message.find(option).filter(v -> !v.isBlank())
                : Optional.empty();
        return fromMessage
                .or(() -> user.flatMap(ofUser))
                .or(() -> ofConnector)
                .map(RouteResolver::targets);
    }

    private static List<RouteTarget> targets(String route) {
        try {
            return RouteTarget.parseList(route);
        } catch (IllegalArgumentException e) {
            throw new GatewayException(Status.NO_ROUTE);
        }
    }

    private ResolvedRoute expand(ServerConfig cfg, List<RouteTarget> targets) {
        List<String> candidates = new ArrayList<>();
        for (RouteTarget target : targets) {
            Optional<ConnectorGroup> group = cfg.group(target.name());
            if (group.isPresent()) {
                for (String member : ordered(group.get())) {
                    addCandidate(candidates, member);
                }
            } else if (cfg.connector(target.name()).filter(ConnectorConfig::carriesMessagesOn).isPresent()) {
                addCandidate(candidates, target.name());
            } else {
                throw new GatewayException(Status.NO_ROUTE);
            }
        }
        Optional<String> user = cfg.group(targets.get(0).name()).isPresent() ? Optional.empty() : targets.get(0).user();
        return new ResolvedRoute(candidates.get(0), candidates, user);
    }

    private static void addCandidate(List<String> candidates, String name) {
        if (!candidates.contains(name)) {
            candidates.add(name);
        }
    }

    /** FAILOVER: as written. LB: one member drawn by weight first, the others after it as written. */
    private List<String> ordered(ConnectorGroup group) {
        List<String> names = new ArrayList<>();
        group.members().forEach(m -> names.add(m.name()));
        if (group.type() == GroupType.LB && names.size() > 1) {
            int total = group.members().stream().mapToInt(ConnectorGroup.Member::weight).sum();
            int draw = random.nextInt(total);
            for (ConnectorGroup.Member member : group.members()) {
                draw -= member.weight();
                if (draw < 0) {
                    names.remove(member.name());
                    names.add(0, member.name());
                    break;
                }
            }
        }
        return names;
    }
}
