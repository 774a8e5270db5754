package org.openemg.ejb.store;

import jakarta.persistence.EntityManager;
import jakarta.persistence.Persistence;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.hibernate.Session;
import org.hibernate.SessionFactory;
import org.hibernate.StatelessSession;
import org.hibernate.type.descriptor.WrapperOptions;
import org.hibernate.type.descriptor.java.JavaType;
import org.hibernate.type.format.FormatMapper;

/**
 * The persistence unit "emg" on an in-memory H2 database migrated by the real scripts, outside a
 * container: every store call is a transaction of its own on one connection.
 */
final class H2Store extends StoreSessions implements AutoCloseable {

    /** Held, so that the levels stay: Hibernate's start-up talk, and its warning about its own pool, are noise here. */
    private static final List<Logger> QUIET = List.of(Logger.getLogger("org.hibernate"),
            Logger.getLogger("org.hibernate.orm.connections.pooling"));

    static {
        QUIET.get(0).setLevel(Level.WARNING);
        QUIET.get(1).setLevel(Level.SEVERE);
    }

    final Connection connection;
    private final SessionFactory factory;
    private Session current;
    /** Store calls under way inside {@link #inOneTransaction}: they join its transaction instead of committing. */
    private int depth;
    private final List<Runnable> undos = new ArrayList<>();

    H2Store() throws SQLException {
        String url = "jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
        connection = DriverManager.getConnection(url, "sa", "sa");
        DatabaseSchema.migrate(connection, DatabaseSchema::resource);
        connection.setAutoCommit(false);
        factory = Persistence.createEntityManagerFactory("emg", Map.of(
                        "jakarta.persistence.transactionType", "RESOURCE_LOCAL",
                        "jakarta.persistence.jdbc.url", url,
                        "jakarta.persistence.jdbc.user", "sa",
                        "jakarta.persistence.jdbc.password", "sa",
                        // the mapping must match the columns the scripts created
                        "jakarta.persistence.schema-generation.database.action", "validate",
                        // JSON-B's API is on the test class path without an implementation, and no column is JSON
                        "hibernate.type.json_format_mapper", new NoJson()))
                .unwrap(SessionFactory.class);
    }

    private static final class NoJson implements FormatMapper {
        @Override
        public <T> T fromString(CharSequence text, JavaType<T> type, WrapperOptions options) {
            throw new UnsupportedOperationException();
        }

        @Override
        public <T> String toString(T value, JavaType<T> type, WrapperOptions options) {
            throw new UnsupportedOperationException();
        }
    }

    @Override
    protected StatelessSession openStateless() {
        StatelessSession session = factory.withStatelessOptions().connection(connection).openStatelessSession();
        // with a transaction under way Hibernate batches, as it does in the container's JTA transaction
        session.beginTransaction();
        return session;
    }

    @Override
    protected EntityManager entityManager() {
        return current;
    }

    @Override
    <T> T writeAndGet(String what, Function<StatelessSession, T> work) {
        return committed(() -> super.writeAndGet(what, work));
    }

    @Override
    <T> T managed(String what, Function<EntityManager, T> work) {
        try (Session session = factory.withOptions().connection(connection).openSession()) {
            current = session;
            session.beginTransaction();
            T result = committed(() -> super.managed(what, work));
            current = null;
            return result;
        }
    }

    /** Runs {@code work} as one transaction, as a commit group does in the container: the store calls in it join it. */
    void inOneTransaction(Runnable work) {
        committed(() -> {
            work.run();
            return null;
        });
    }

    @Override
    void onRollback(Runnable undo) {
        undos.add(undo);
    }

    private <T> T committed(Supplier<T> work) {
        if (depth > 0) {
            return work.get();
        }
        depth++;
        try {
            T result = work.get();
            connection.commit();
            undos.clear();
            return result;
        } catch (RuntimeException | SQLException e) {
            try {
                connection.rollback();
            } catch (SQLException suppressed) {
                e.addSuppressed(suppressed);
            }
            undos.forEach(Runnable::run);
            undos.clear();
            throw e instanceof RuntimeException r ? r : new IllegalStateException(e);
        } finally {
            depth--;
        }
    }

    /** Empties the gateway's tables, for the next test. */
    void clear() throws SQLException {
        try (Statement s = connection.createStatement()) {
            for (String table : List.of("emg_message", "emg_early_receipt", "emg_connector_turn", "emg_id_block",
                    "emg_push_message", "emg_reported_message", "emg_account", "emg_receipt_key", "emg_queue", "emg_hand_over")) {
                s.execute("DELETE FROM " + table);
            }
        }
        connection.commit();
    }

    @Override
    public void close() throws SQLException {
        factory.close();
        connection.close();
    }
}
