package org.openemg.core.accept;

import java.util.function.Predicate;
import java.util.logging.Logger;
import org.openemg.core.config.ConnectorConfig;
import org.openemg.core.config.Direction;
import org.openemg.core.message.GatewayException;
import org.openemg.core.message.Status;
import org.openemg.core.routing.ResolvedRoute;

/**
 * Picks the connector a routed message leaves by: the first candidate of its route that can carry
 * messages now. A route that leads only to connectors not running (not built yet, not started) is no
 * route: the message is refused at acceptance rather than left queued for nobody (spec section 2). A
 * message an SMSC delivered on an outgoing connector never goes back out on that connector: a catch-all
 * rule such as {@code * smpp-out} would otherwise bounce every unrouted MO to the operator.
 */
public final class CarrierChoice {

    private static final Logger LOG = Logger.getLogger(CarrierChoice.class.getName());

    private CarrierChoice() {
    }

    /** @throws GatewayException {@link Status#NO_ROUTE} when {@code carriesNow} accepts no candidate */
    public static String first(ResolvedRoute route, ConnectorConfig arrivedOn, Predicate<String> carriesNow) {
        String bounce = arrivedOn.type() == Direction.OUTGOING ? arrivedOn.name() : null;
        for (String candidate : route.candidates()) {
            if (carriesNow.test(candidate) && !candidate.equals(bounce)) {
                return candidate;
            }
        }
        LOG.fine(() -> "no available connector among " + route.candidates());
        throw new GatewayException(Status.NO_ROUTE);
    }
}
