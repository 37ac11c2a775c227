package com.atelier.governance.audit;

import com.atelier.governance.store.AfterCommit;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.TransactionSynchronizationRegistry;
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

    @Resource
    private TransactionSynchronizationRegistry transactions;

    private EntityManager entityManager;
    private AuditSealer sealer;
    private Clock clock;

    protected AuditTrail() {
        // for CDI proxies
    }

    @Inject
    public AuditTrail(EntityManager entityManager, AuditSealer sealer, Clock clock) {
        this.entityManager = entityManager;
        this.sealer = sealer;
        this.clock = clock;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void append(AuditEvent event) {
        // PostgreSQL keeps microseconds; hashing what is stored keeps the chain re-computable from the table.
        entityManager.persist(new AuditIntake(event, clock.instant().truncatedTo(ChronoUnit.MICROS)));
        if (transactions.getResource(AuditSealer.class) == null) {
            transactions.putResource(AuditSealer.class, Boolean.TRUE);
            AfterCommit.run(transactions, sealer::committed);
        }
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
