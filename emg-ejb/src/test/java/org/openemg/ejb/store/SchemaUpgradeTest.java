package org.openemg.ejb.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The migrations on H2, the embedded default: a new database, and one the gateway built before versioning. */
class SchemaUpgradeTest {

    /** What DatabaseSchema ran at every start before the schema was versioned, statement for statement. */
    private static final List<String> BEFORE_VERSIONING = List.of(
            """
            CREATE TABLE IF NOT EXISTS emg_message (
              id BIGINT PRIMARY KEY,
              parent_id BIGINT NOT NULL,
              state SMALLINT NOT NULL,
              in_connector VARCHAR(64) NOT NULL,
              out_connector VARCHAR(64),
              priority SMALLINT NOT NULL,
              due_at BIGINT NOT NULL,
              lease_until BIGINT,
              attempts INT NOT NULL,
              destaddr VARCHAR(32),
              username VARCHAR(64),
              smsc_id VARCHAR(80),
              created_at BIGINT NOT NULL,
              updated_at BIGINT NOT NULL,
              options VARCHAR(1000000) NOT NULL
            )""",
            "DROP INDEX IF EXISTS emg_message_queue",
            "CREATE INDEX IF NOT EXISTS emg_message_due ON emg_message (out_connector, state, priority DESC, due_at, id)",
            "ALTER TABLE emg_message ADD COLUMN IF NOT EXISTS expires_at BIGINT",
            "CREATE INDEX IF NOT EXISTS emg_message_smsc ON emg_message (out_connector, smsc_id)",
            "CREATE INDEX IF NOT EXISTS emg_message_parent ON emg_message (parent_id)",
            "CREATE INDEX IF NOT EXISTS emg_message_state ON emg_message (state, lease_until)",
            """
            CREATE TABLE IF NOT EXISTS emg_early_receipt (
              out_connector VARCHAR(64) NOT NULL,
              smsc_id VARCHAR(80) NOT NULL,
              state SMALLINT NOT NULL,
              received_at BIGINT NOT NULL,
              PRIMARY KEY (out_connector, smsc_id)
            )""",
            """
            CREATE TABLE IF NOT EXISTS emg_connector_turn (
              connector VARCHAR(64) PRIMARY KEY
            )""",
            """
            CREATE TABLE IF NOT EXISTS emg_id_block (
              node_id INT PRIMARY KEY,
              next_seq BIGINT NOT NULL
            )""");

    private static final List<String> ALL_VERSIONS =
            List.of("1 V1__message_tables.sql", "2 V2__reported_messages.sql", "3 V3__push_messages.sql",
                    "4 V4__last_delivery_report.sql", "5 V5__no_state_index.sql", "6 V6__accounts.sql",
                    "7 V7__route_partners.sql", "8 V8__receipt_keys.sql", "9 h2/V9__queue_state.sql", "10 V10__part_count.sql",
                    "11 V11__queue_table.sql", "12 V12__queue_claimer.sql");

    private static Connection database() throws SQLException {
        return DriverManager.getConnection("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "sa");
    }

    @Test
    void aNewDatabaseGetsTheSchemaTheGatewayBuiltBeforeVersioning() throws SQLException {
        try (Connection before = database(); Connection fresh = database()) {
            execute(before, BEFORE_VERSIONING);
            DatabaseSchema.migrate(before, DatabaseSchema::resource);
            DatabaseSchema.migrate(fresh, DatabaseSchema::resource);
            assertEquals(shape(before), shape(fresh), "V1 builds what the gateway built before, the later versions change both alike");
            assertEquals(ALL_VERSIONS, versions(fresh));
        }
    }

    @Test
    void aDatabaseFromBeforeVersioningKeepsItsRowsAndOnlyRecordsTheFirstVersion() throws SQLException {
        try (Connection c = database()) {
            execute(c, BEFORE_VERSIONING);
            execute(c, List.of(
                    "INSERT INTO emg_message (id, parent_id, state, in_connector, out_connector, priority, due_at, attempts,"
                            + " created_at, updated_at, options, expires_at, smsc_id) VALUES (7, 7, 3, 'http-in', 'smpp-out', 0, 1, 0, 1, 1, 'o', NULL, 'ab12')",
                    "INSERT INTO emg_id_block (node_id, next_seq) VALUES (1, 10001)"));
            DatabaseSchema.migrate(c, DatabaseSchema::resource);
            try (Connection fresh = database()) {
                DatabaseSchema.migrate(fresh, DatabaseSchema::resource);
                assertEquals(shape(fresh), shape(c));
            }
            assertEquals(ALL_VERSIONS, versions(c));
            assertEquals(List.of("7"), rows(c, "SELECT id FROM emg_message"));
            assertEquals(List.of("smpp-out ab12 7"), rows(c, "SELECT out_connector || ' ' || smsc_id || ' ' || message_id FROM emg_receipt_key"),
                    "a part submitted before V8 still finds its receipt");
            assertEquals(List.of("10001"), rows(c, "SELECT next_seq FROM emg_id_block"));
        }
    }

    @Test
    void aSecondStartFindsNothingToDo() throws SQLException {
        try (Connection c = database()) {
            DatabaseSchema.migrate(c, DatabaseSchema::resource);
            List<String> applied = rows(c, "SELECT version || ' ' || applied_at FROM emg_schema_version");
            DatabaseSchema.migrate(c, DatabaseSchema::resource);
            assertEquals(applied, rows(c, "SELECT version || ' ' || applied_at FROM emg_schema_version"));
        }
    }

    @Test
    void aFailingScriptIsNotRecordedAndStopsTheStart() throws SQLException {
        try (Connection c = database()) {
            DatabaseSchema.Scripts scripts = path -> switch (path) {
                case "index.txt" -> "V1__message_tables.sql\nV2__broken.sql\n";
                case "V2__broken.sql" -> "CREATE TABLE emg_message (id INT);\n";
                default -> DatabaseSchema.resource(path);
            };
            SQLException e = assertThrows(SQLException.class,
                    () -> DatabaseSchema.migrate(c, scripts));
            assertTrue(e.getMessage().startsWith("V2__broken.sql: "), e.getMessage());
            assertEquals(List.of("1 V1__message_tables.sql"), versions(c));
            assertTrue(c.getAutoCommit(), "the connection goes back to the pool as it came");
        }
    }

    private static void execute(Connection c, List<String> statements) throws SQLException {
        try (Statement s = c.createStatement()) {
            for (String sql : statements) {
                s.execute(sql);
            }
        }
    }

    private static List<String> versions(Connection c) throws SQLException {
        return rows(c, "SELECT version || ' ' || script FROM emg_schema_version ORDER BY version");
    }

    private static List<String> rows(Connection c, String query) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(query)) {
            while (rs.next()) {
                rows.add(rs.getString(1));
            }
        }
        return rows;
    }

    /** Columns in order with their types, and indexes with their columns and ordering, of the gateway's tables. */
    private static List<String> shape(Connection c) throws SQLException {
        List<String> shape = new ArrayList<>();
        DatabaseMetaData meta = c.getMetaData();
        for (String table : List.of("EMG_MESSAGE", "EMG_EARLY_RECEIPT", "EMG_CONNECTOR_TURN", "EMG_ID_BLOCK", "EMG_RECEIPT_KEY")) {
            try (ResultSet rs = meta.getColumns(null, "PUBLIC", table, null)) {
                while (rs.next()) {
                    shape.add(table + " column " + rs.getInt("ORDINAL_POSITION") + " " + rs.getString("COLUMN_NAME") + " "
                            + rs.getString("TYPE_NAME") + "(" + rs.getInt("COLUMN_SIZE") + ") nullable=" + rs.getString("IS_NULLABLE"));
                }
            }
            try (ResultSet rs = meta.getIndexInfo(null, "PUBLIC", table, false, false)) {
                while (rs.next()) {
                    String name = rs.getString("INDEX_NAME");
                    shape.add(table + " index " + (name.startsWith("PRIMARY_KEY") ? "primary key" : name) + " "
                            + rs.getShort("ORDINAL_POSITION") + " " + rs.getString("COLUMN_NAME") + " " + rs.getString("ASC_OR_DESC")
                            + " unique=" + !rs.getBoolean("NON_UNIQUE"));
                }
            }
        }
        shape.sort(null);
        assertTrue(shape.size() > 20, "the tables exist: " + shape);
        return shape;
    }
}
