package org.openemg.core.accept;

import java.util.ArrayList;
import java.util.List;
import java.util.logging.Logger;
import org.openemg.core.config.ConnectorConfig;
import org.openemg.core.config.Direction;
import org.openemg.core.message.GatewayException;
import org.openemg.core.message.Status;
import org.openemg.core.routing.ResolvedRoute;

/**
 * The connectors a routed message may leave by, in the order to try them: the candidates of its route that
 * carry messages, those that can send now (bound, not held) before those that cannot, each group in route
 * order. So a FAILOVER or LB member with no bind does not keep a message waiting while a partner is up. A
 * route that leads only to connectors not running (not built yet, not started) is no route: the message
 * is refused at acceptance rather than left queued for nobody (spec section 2). A message an SMSC
 * delivered on an outgoing connector never goes back out on that connector: a catch-all rule such as
 * {@code * smpp-out} would otherwise bounce every unrouted MO to the operator.
 */
public final class CarrierChoice {

    private static final Logger LOG = Logger.getLogger(CarrierChoice.class.getName());

    private CarrierChoice() {
    }

    /** @throws GatewayException {@link Status#NO_ROUTE} when no candidate carries messages */
    public static List<String> ordered(ResolvedRoute route, ConnectorConfig arrivedOn, Carriers carriers) {
        String bounce = arrivedOn.type() == Direction.OUTGOING ? arrivedOn.name() : null;
        List<String> sending = new ArrayList<>();
        List<String> waiting = new ArrayList<>();
        for (String candidate : route.candidates()) {
            if (!candidate.equals(bounce) && carriers.carries(candidate)) {
                (carriers.sendsNow(candidate) ? sending : waiting).add(candidate);
            }
        }
        if (sending.isEmpty() && waiting.isEmpty()) {
            LOG.fine(() -> "no available connector among " + route.candidates());
            throw new GatewayException(Status.NO_ROUTE);
        }
        sending.addAll(waiting);
        return sending;
    }
}
