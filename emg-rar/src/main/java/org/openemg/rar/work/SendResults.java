package org.openemg.rar.work;

import java.util.List;
import org.openemg.rar.api.SendResult;

/**
 * Where a connector reports how its sends went, in groups (a few hundred results collected over about
 * 10 ms, or one batch), never per message. Every message handed to a connector is answered exactly once.
 */
public interface SendResults {

    void record(String connector, List<SendResult> results);

    /** A link of the connector is up; told after every result recorded before it (see GatewayListener#linkUp). */
    void linkUp(String connector);

    /** A submit of the connector was answered after {@code nanos}; for the submit latency histogram. */
    default void answeredAfter(String connector, long nanos) {
        // most sinks do not measure
    }
}
