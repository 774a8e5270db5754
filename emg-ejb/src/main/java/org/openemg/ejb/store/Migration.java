package org.openemg.ejb.store;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A numbered schema change: a script {@code V<n>__<what>.sql} for every database, or under the
 * folder of one ({@code h2/}, {@code postgresql/}) where that one needs its own SQL.
 *
 * @param database the folder's name, null for a script every database runs
 */
record Migration(int version, String database, String path) {

    private static final Pattern PATH = Pattern.compile("(?:([a-z0-9]+)/)?V([1-9][0-9]*)__[A-Za-z0-9_]+\\.sql");

    static Migration of(String path) {
        Matcher m = PATH.matcher(path);
        if (!m.matches()) {
            throw new IllegalArgumentException("not a migration script name (V<n>__<what>.sql, optionally in h2/ or postgresql/): " + path);
        }
        return new Migration(Integer.parseInt(m.group(2)), m.group(1), path);
    }

    boolean runsOn(String database) {
        return this.database == null || this.database.equals(database);
    }
}
