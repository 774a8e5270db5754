package org.openemg.rar.smpp.client;

import java.util.List;
import org.openemg.rar.api.SendResult;

/**
 * Receives the results of an outgoing connector's submits, grouped: one call carries up to a few
 * hundred results collected over about 10 ms. Every submitted request is answered exactly once.
 */
public interface SubmitResultSink {

    void accept(String connector, List<SendResult> results);
}
