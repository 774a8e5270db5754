package org.openemg.core.accept;

import java.util.function.Predicate;

/** What acceptance needs to know about the connectors a message may leave by, at this moment. */
public interface Carriers {

    /** Whether the connector runs and messages routed to it are carried on (perhaps later). */
    boolean carries(String connector);

    /** Whether it can send now: a bind is up and no operator holds it. */
    boolean sendsNow(String connector);

    /** Takes room in its queue (MAXQUEUESIZE) for {@code parts} parts about to be stored; false when full. */
    boolean take(String connector, int parts);

    /** Carried on, always sending, never full: what a route alone decides. */
    static Carriers unlimited(Predicate<String> carries) {
        return new Carriers() {
            @Override
            public boolean carries(String connector) {
                return carries.test(connector);
            }

            @Override
            public boolean sendsNow(String connector) {
                return carries.test(connector);
            }

            @Override
            public boolean take(String connector, int parts) {
                return true;
            }
        };
    }
}
