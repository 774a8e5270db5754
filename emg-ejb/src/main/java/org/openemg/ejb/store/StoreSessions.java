package org.openemg.ejb.store;

import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;
import java.util.function.Consumer;
import java.util.function.Function;
import org.hibernate.StatelessSession;
import org.hibernate.engine.spi.SharedSessionContractImplementor;
import org.hibernate.jdbc.ReturningWork;

/**
 * The store's way into the database, in the caller's transaction: writes through a {@link StatelessSession}
 * with JDBC batching, plain JDBC on its connection where the bench measured Hibernate too costly, and the
 * read side through an entity manager. A database failure becomes a {@link StoreException}, which rolls
 * the transaction back.
 */
abstract class StoreSessions {

    /** A StatelessSession for this piece of work, joined to the caller's transaction. */
    protected abstract StatelessSession openStateless();

    /** The entity manager of the caller's transaction. */
    protected abstract EntityManager entityManager();

    void write(String what, Consumer<StatelessSession> work) {
        writeAndGet(what, session -> {
            work.accept(session);
            return null;
        });
    }

    <T> T writeAndGet(String what, Function<StatelessSession, T> work) {
        try (StatelessSession session = openStateless()) {
            T result = work.apply(session);
            // Hibernate 6.6 offers no public way to send a StatelessSession's pending batch, and close() drops it
            ((SharedSessionContractImplementor) session).getJdbcCoordinator().executeBatch();
            return result;
        } catch (PersistenceException e) {
            throw new StoreException(what, e);
        }
    }

    /** Plain JDBC on the connection of a StatelessSession, so in the same transaction. */
    <T> T jdbc(String what, ReturningWork<T> work) {
        return writeAndGet(what, session -> session.doReturningWork(work));
    }

    /** Runs {@code undo} should the caller's transaction roll back: for what a store keeps in memory beside its rows. */
    abstract void onRollback(Runnable undo);

    <T> T managed(String what, Function<EntityManager, T> work) {
        try {
            return work.apply(entityManager());
        } catch (PersistenceException e) {
            throw new StoreException(what, e);
        }
    }
}
