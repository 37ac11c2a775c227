package com.atelier.governance.database;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.time.Clock;

/** Makes the container's persistence context and the clock injectable through constructors. */
@ApplicationScoped
public class PersistenceResources {

    @Produces
    @PersistenceContext(unitName = "atelier")
    private EntityManager entityManager;

    @Produces
    @ApplicationScoped
    Clock clock() {
        return Clock.systemUTC();
    }
}
