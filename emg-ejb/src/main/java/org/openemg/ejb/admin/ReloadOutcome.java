package org.openemg.ejb.admin;

import java.util.List;
import java.util.Map;

/**
 * What POST /admin/info/reload did. Refused: {@code file}, {@code line} (0: no single line) and
 * {@code problem} say why, and the gateway runs on as before. Applied: the connectors started, stopped and
 * restarted, those that failed to start (name to error), and how many messages stay queued for each
 * removed connector (they wait there until a connector of that name comes back or an operator moves them).
 */
public record ReloadOutcome(boolean applied, String file, int line, String problem, List<String> added,
                            List<String> removed, List<String> changed, Map<String, String> failed,
                            Map<String, Integer> leftQueued) {

    static ReloadOutcome refused(String file, int line, String problem) {
        return new ReloadOutcome(false, file, line, problem, List.of(), List.of(), List.of(), Map.of(), Map.of());
    }
}
