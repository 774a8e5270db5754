package org.openemg.ejb.store;

import java.util.ArrayList;
import java.util.List;

/** The statements of a migration script: each ends with ';' at the end of a line; lines starting with '--' are comments. */
final class SqlScript {

    private SqlScript() {
    }

    static List<String> statements(String script) {
        List<String> statements = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String line : script.split("\\R")) {
            String trimmed = line.strip();
            if (trimmed.isEmpty() || trimmed.startsWith("--")) {
                continue;
            }
            if (!current.isEmpty()) {
                current.append('\n');
            }
            if (trimmed.endsWith(";")) {
                current.append(line, 0, line.lastIndexOf(';'));
                statements.add(current.toString().strip());
                current.setLength(0);
            } else {
                current.append(line);
            }
        }
        if (!current.toString().isBlank()) {
            throw new IllegalArgumentException("the last statement does not end with ';': " + current.toString().strip());
        }
        return statements;
    }
}
