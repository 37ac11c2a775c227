package com.atelier.governance.audit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * Records events in the audit trail inside the caller's transaction, so that a change and its audit event commit or
 * roll back together. The event is chained (sequence, previous hash, own hash) by the {@link AuditSealer} right
 * after the commit, in a round it shares with every other event committed meanwhile.
 */
@ApplicationScoped
public class AuditTrail {

    private static final Duration READ_WAIT = Duration.ofSeconds(5);

    private EntityManager entityManager;
    private AuditSealer sealer;
    private Event<AuditAppended> appended;
    private Clock clock;

    protected AuditTrail() {
        // for CDI proxies
    }

    @Inject
    public AuditTrail(EntityManager entityManager, AuditSealer sealer, Event<AuditAppended> appended, Clock clock) {
        this.entityManager = entityManager;
        this.sealer = sealer;
        this.appended = appended;
        this.clock = clock;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void append(AuditEvent event) {
        // PostgreSQL keeps microseconds; hashing what is stored keeps the chain re-computable from the table.
        entityManager.persist(new AuditIntake(event, clock.instant().truncatedTo(ChronoUnit.MICROS)));
        // a transactional event rather than a registry looked up by name: appends also run on Camel's threads,
        // which have no java:comp to look anything up in
        appended.fire(new AuditAppended());
    }

    /** The newest entries about one subject, newest first. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<AuditEntry> entriesAbout(String subjectType, String subjectId, int limit) {
        sealer.awaitChained(READ_WAIT);
        return entityManager.createQuery("SELECT e FROM AuditEntry e WHERE e.subjectType = :type"
                        + " AND e.subjectId = :id ORDER BY e.id DESC", AuditEntry.class)
                .setParameter("type", subjectType)
                .setParameter("id", subjectId)
                .setMaxResults(limit)
                .getResultList();
    }
}
