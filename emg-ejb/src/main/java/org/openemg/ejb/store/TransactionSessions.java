package org.openemg.ejb.store;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceUnit;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import org.hibernate.SessionFactory;
import org.hibernate.StatelessSession;

/** Sessions of the persistence unit "emg" in the container's (JTA) transaction of the caller. */
@ApplicationScoped
class TransactionSessions extends StoreSessions {

    @PersistenceUnit(unitName = "emg")
    private EntityManagerFactory factory;
    @PersistenceContext(unitName = "emg")
    private EntityManager entityManager;
    @Resource
    private TransactionSynchronizationRegistry transaction;

    private SessionFactory sessions;

    @PostConstruct
    void unwrap() {
        sessions = factory.unwrap(SessionFactory.class);
    }

    @Override
    protected StatelessSession openStateless() {
        return sessions.openStatelessSession();
    }

    @Override
    protected EntityManager entityManager() {
        return entityManager;
    }

    /** Without a transaction each statement committed on its own: nothing is left to roll back. */
    @Override
    void onRollback(Runnable undo) {
        if (transaction.getTransactionKey() == null) {
            return;
        }
        transaction.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                if (status != Status.STATUS_COMMITTED) {
                    undo.run();
                }
            }
        });
    }
}
