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
