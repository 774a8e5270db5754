package org.openemg.ejb.store;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;

/**
 * Which migrations a database still needs, and in which order: every version from 1 up without a gap,
 * the script of its own database preferred to the common one, and only versions above those applied.
 */
final class MigrationPlan {

    private MigrationPlan() {
    }

    static List<Migration> pending(Collection<Migration> scripts, String database, Set<Integer> applied) {
        TreeMap<Integer, Migration> chosen = new TreeMap<>();
        for (Migration script : scripts) {
            if (!script.runsOn(database)) {
                continue;
            }
            Migration other = chosen.get(script.version());
            if (other == null || other.database() == null && script.database() != null) {
                chosen.put(script.version(), script);
            } else if ((other.database() == null) == (script.database() == null)) {
                throw new IllegalStateException("two migration scripts for version " + script.version() + ": "
                        + other.path() + " and " + script.path());
            }
        }
        int expected = 1;
        for (int version : chosen.keySet()) {
            if (version != expected) {
                throw new IllegalStateException("no migration script for version " + expected + " (" + database + ")");
            }
            expected++;
        }
        int newestKnown = chosen.isEmpty() ? 0 : chosen.lastKey();
        int newestApplied = applied.isEmpty() ? 0 : Collections.max(applied);
        if (newestApplied > newestKnown) {
            throw new IllegalStateException("the database is at schema version " + newestApplied
                    + ", newer than this build knows (" + newestKnown + ")");
        }
        for (int version = 1; version <= newestApplied; version++) {
            if (!applied.contains(version)) {
                throw new IllegalStateException("schema version " + version + " was skipped in the database, which is at "
                        + newestApplied);
            }
        }
        return new ArrayList<>(chosen.tailMap(newestApplied, false).values());
    }
}
