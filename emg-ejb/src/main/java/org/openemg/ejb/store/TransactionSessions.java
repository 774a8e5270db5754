package org.openemg.ejb.store;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceUnit;
import org.hibernate.SessionFactory;
import org.hibernate.StatelessSession;

/** Sessions of the persistence unit "emg" in the container's (JTA) transaction of the caller. */
@ApplicationScoped
class TransactionSessions extends StoreSessions {

    @PersistenceUnit(unitName = "emg")
    private EntityManagerFactory factory;
    @PersistenceContext(unitName = "emg")
    private EntityManager entityManager;

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
}
