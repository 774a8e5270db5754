package org.openemg.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The RETENTION purges the gateway logged in server.log ("N message parts done with for longer than RETENTION
 * (...) purged", written by MessageRetention when a run deleted anything), with the time of that line. The
 * gateway starts a run on the five-minute marks of the clock (its @Schedule), so a run lasted from the mark
 * before its line to the line.
 */
final class PurgeRuns {

    /** One purge run: the five-minute mark it started on, the time its line was logged, the parts it deleted. */
    record Run(long startedMillis, long loggedMillis, long parts) {
    }

    private static final Pattern LINE = Pattern.compile(
            "^(\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d,\\d{3}) .* (\\d+) message parts done with for longer than RETENTION .*purged");
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss,SSS");
    private static final long SCHEDULE_MILLIS = 5 * 60_000L;

    static List<Run> read(Path serverLog) throws IOException {
        List<Run> runs = new ArrayList<>();
        if (!Files.exists(serverLog)) {
            return runs;
        }
        try (var lines = Files.lines(serverLog)) {
            lines.forEach(l -> parse(l, ZoneId.systemDefault(), runs));
        }
        return runs;
    }

    /**
     * Waits until the run started on the clock's last five-minute mark has logged its line, if that mark is not before
     * {@code sinceMillis}, at most {@code maxMillis}: a run still going holds memory and writes, so end figures taken
     * meanwhile are not the steady state (a soak's heap after a full GC read 281 MB during a purge of 510,300 parts, 94
     * at its start). A run that deletes nothing logs nothing: then this waits the whole time.
     */
    static void awaitRunOfLastMark(Path serverLog, long sinceMillis, long maxMillis) throws IOException, InterruptedException {
        long now = System.currentTimeMillis();
        long mark = now - Math.floorMod(now, SCHEDULE_MILLIS);
        if (mark < sinceMillis) {
            return;
        }
        long deadline = now + maxMillis;
        while (read(serverLog).stream().noneMatch(run -> run.startedMillis() == mark) && System.currentTimeMillis() < deadline) {
            Thread.sleep(1000);
        }
    }

    static void parse(String line, ZoneId zone, List<Run> into) {
        Matcher m = LINE.matcher(line);
        if (m.find()) {
            long at = LocalDateTime.parse(m.group(1), STAMP).atZone(zone).toInstant().toEpochMilli();
            into.add(new Run(at - Math.floorMod(at, SCHEDULE_MILLIS), at, Long.parseLong(m.group(2))));
        }
    }

    private PurgeRuns() {
    }
}
