package org.openemg.ejb.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class SqlScriptTest {

    @Test
    void statementsEndWithASemicolonAtTheEndOfALine() {
        String script = """
                -- a comment
                CREATE TABLE t (
                  a INT, -- not a comment line, kept
                  b INT
                );

                  -- an indented comment
                CREATE INDEX i ON t (a);
                ALTER TABLE t ADD COLUMN c INT;  \s
                """;
        assertEquals(List.of("CREATE TABLE t (\n  a INT, -- not a comment line, kept\n  b INT\n)",
                "CREATE INDEX i ON t (a)", "ALTER TABLE t ADD COLUMN c INT"), SqlScript.statements(script));
    }

    @Test
    void anUnterminatedStatementIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> SqlScript.statements("CREATE TABLE t (a INT);\nDROP TABLE t\n"));
    }

    @Test
    void anEmptyScriptHasNoStatements() {
        assertEquals(List.of(), SqlScript.statements("-- nothing yet\n\n"));
    }
}
