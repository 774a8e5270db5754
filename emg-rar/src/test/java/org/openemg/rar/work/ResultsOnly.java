package org.openemg.rar.work;

import java.util.List;
import java.util.function.BiConsumer;
import org.openemg.rar.api.SendResult;

/** A result sink for tests that look at results only: links coming up are not what they test. */
public final class ResultsOnly implements SendResults {

    private final BiConsumer<String, List<SendResult>> record;

    public ResultsOnly(BiConsumer<String, List<SendResult>> record) {
        this.record = record;
    }

    @Override
    public void record(String connector, List<SendResult> results) {
        record.accept(connector, results);
    }

    @Override
    public void linkUp(String connector) {
        // these tests look at results only
    }
}
