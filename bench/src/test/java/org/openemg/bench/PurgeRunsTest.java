package org.openemg.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PurgeRunsTest {

    private static long utc(String t) {
        return LocalDateTime.parse(t).toInstant(ZoneOffset.UTC).toEpochMilli();
    }

    @Test
    void aPurgeLineGivesItsPartsItsTimeAndTheFiveMinuteMarkItStartedOn() {
        List<PurgeRuns.Run> runs = new ArrayList<>();
        PurgeRuns.parse("2026-12-02 07:30:04,250 INFO  [org.openemg.ejb.retention.MessageRetention] (EJB default - 3) "
                + "41500 message parts done with for longer than RETENTION (PT1M) purged", ZoneOffset.UTC, runs);
        assertEquals(List.of(new PurgeRuns.Run(utc("2026-12-02T07:30:00"), utc("2026-12-02T07:30:04.250"), 41500)), runs);
    }

    @Test
    void otherLinesAreNoPurge() {
        List<PurgeRuns.Run> runs = new ArrayList<>();
        PurgeRuns.parse("2026-12-02 07:30:04,250 INFO  [org.jboss.as] (main) WFLYSRV0025: started", ZoneOffset.UTC, runs);
        PurgeRuns.parse("message parts purged", ZoneOffset.UTC, runs);
        assertTrue(runs.isEmpty());
    }

    @Test
    void theLinesTimeIsReadInTheServersZone() {
        List<PurgeRuns.Run> runs = new ArrayList<>();
        PurgeRuns.parse("2026-12-02 08:35:01,000 INFO  [x] (y) 3 message parts done with for longer than RETENTION (PT2M) purged",
                ZoneOffset.ofHours(1), runs);
        assertEquals(utc("2026-12-02T07:35:00"), runs.get(0).startedMillis());
        assertEquals(3, runs.get(0).parts());
    }
}
