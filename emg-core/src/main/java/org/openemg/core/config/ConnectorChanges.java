package org.openemg.core.config;

import java.util.ArrayList;
import java.util.List;

/**
 * What a reload changes about the connectors, by name: those only the new configuration has (to start),
 * those only the old one has (to stop), those whose section changed (to restart, which rebinds), and
 * those left as they were.
 */
public record ConnectorChanges(List<String> added, List<String> removed, List<String> changed, List<String> unchanged) {

    public ConnectorChanges {
        added = List.copyOf(added);
        removed = List.copyOf(removed);
        changed = List.copyOf(changed);
        unchanged = List.copyOf(unchanged);
    }

    public static ConnectorChanges between(ServerConfig before, ServerConfig after) {
        List<String> added = new ArrayList<>();
        List<String> removed = new ArrayList<>();
        List<String> changed = new ArrayList<>();
        List<String> unchanged = new ArrayList<>();
        for (ConnectorConfig old : before.connectors()) {
            after.connector(old.name()).ifPresentOrElse(
                    now -> (now.sameSettings(old) ? unchanged : changed).add(old.name()),
                    () -> removed.add(old.name()));
        }
        for (ConnectorConfig now : after.connectors()) {
            if (before.connector(now.name()).isEmpty()) {
                added.add(now.name());
            }
        }
        return new ConnectorChanges(added, removed, changed, unchanged);
    }

    public boolean none() {
        return added.isEmpty() && removed.isEmpty() && changed.isEmpty();
    }
}
