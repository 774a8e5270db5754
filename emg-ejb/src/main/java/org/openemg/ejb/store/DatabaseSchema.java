package org.openemg.ejb.store;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * Brings the database to the schema this build expects, at deployment and before anything uses it:
 * the migration scripts listed in {@code db/migration/index.txt} that the version table does not
 * record yet, in version order, each recorded as it is applied.
 */
@Singleton
@Startup
public class DatabaseSchema {

    private static final Logger LOG = Logger.getLogger(DatabaseSchema.class.getName());
    private static final String FOLDER = "db/migration/";

    @Resource(lookup = "java:jboss/datasources/EmgDS")
    private DataSource dataSource;

    @PostConstruct
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    void migrate() {
        try (Connection c = dataSource.getConnection()) {
            migrate(c, DatabaseSchema::resource);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot bring the database schema up to date: " + e.getMessage(), e);
        }
    }

    /** Reads a script of the migration folder by its path there. */
    @FunctionalInterface
    interface Scripts {
        String read(String path);
    }

    static void migrate(Connection c, Scripts scripts) throws SQLException {
        String database = c.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT);
        try (Statement s = c.createStatement()) {
            s.execute("CREATE TABLE IF NOT EXISTS emg_schema_version ("
                    + " version INT PRIMARY KEY, script VARCHAR(200) NOT NULL, applied_at BIGINT NOT NULL)");
        }
        List<Migration> listed = scripts.read("index.txt").lines().map(String::strip)
                .filter(line -> !line.isEmpty() && !line.startsWith("#")).map(Migration::of).toList();
        List<Migration> pending = MigrationPlan.pending(listed, database, appliedVersions(c));
        for (Migration migration : pending) {
            apply(c, migration, scripts.read(migration.path()));
            LOG.info("database schema: applied " + migration.path() + " (" + database + ")");
        }
    }

    private static Set<Integer> appliedVersions(Connection c) throws SQLException {
        Set<Integer> applied = new HashSet<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT version FROM emg_schema_version")) {
            while (rs.next()) {
                applied.add(rs.getInt(1));
            }
        }
        return applied;
    }

    /** One transaction per script, where the database has transactional DDL (PostgreSQL); H2 commits each DDL statement. */
    private static void apply(Connection c, Migration migration, String script) throws SQLException {
        boolean autoCommit = c.getAutoCommit();
        c.setAutoCommit(false);
        try (Statement s = c.createStatement();
             PreparedStatement record = c.prepareStatement(
                     "INSERT INTO emg_schema_version (version, script, applied_at) VALUES (?, ?, ?)")) {
            for (String statement : SqlScript.statements(script)) {
                s.execute(statement);
            }
            record.setInt(1, migration.version());
            record.setString(2, migration.path());
            record.setLong(3, System.currentTimeMillis());
            record.executeUpdate();
            c.commit();
        } catch (SQLException e) {
            c.rollback();
            throw new SQLException(migration.path() + ": " + e.getMessage(), e.getSQLState(), e);
        } finally {
            c.setAutoCommit(autoCommit);
        }
    }

    static String resource(String path) {
        try (InputStream in = DatabaseSchema.class.getClassLoader().getResourceAsStream(FOLDER + path)) {
            if (in == null) {
                throw new IllegalStateException("missing migration resource " + FOLDER + path);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
