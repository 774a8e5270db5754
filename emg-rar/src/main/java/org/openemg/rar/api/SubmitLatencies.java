package org.openemg.rar.api;

/** Told, on the link's reader thread, how long each submit waited for its answer; must not block. */
@FunctionalInterface
public interface SubmitLatencies {

    SubmitLatencies NONE = (connector, nanos) -> { };

    void answered(String connector, long nanos);
}
