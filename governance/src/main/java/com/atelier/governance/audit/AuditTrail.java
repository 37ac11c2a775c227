package com.atelier.governance.audit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * Appends events to the audit trail inside the caller's transaction, so that a change and its audit entry
 * commit or roll back together. Appends to one chain are serialised by a transaction-scoped advisory lock.
 */
@ApplicationScoped
public class AuditTrail {

    private EntityManager entityManager;
    private Clock clock;

    protected AuditTrail() {
        // for CDI proxies
    }

    @Inject
    public AuditTrail(EntityManager entityManager, Clock clock) {
        this.entityManager = entityManager;
        this.clock = clock;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public AuditEntry append(AuditEvent event) {
        String chain = event.chain();
        entityManager.createNativeQuery("SELECT 1 FROM pg_advisory_xact_lock(hashtext(?1))")
                .setParameter(1, chain)
                .getSingleResult();
        List<AuditEntry> last = entityManager.createQuery(
                        "SELECT e FROM AuditEntry e WHERE e.chain = :chain ORDER BY e.sequence DESC", AuditEntry.class)
                .setParameter("chain", chain)
                .setMaxResults(1)
                .getResultList();
        long sequence = last.isEmpty() ? 1 : last.get(0).sequence() + 1;
        String previousHash = last.isEmpty() ? AuditChain.GENESIS : last.get(0).entryHash();
        // PostgreSQL keeps microseconds; hashing what is stored keeps the chain re-computable from the table.
        var record = new AuditRecord(chain, sequence, clock.instant().truncatedTo(ChronoUnit.MICROS),
                event.actor().userId(), event.action(), event.subjectType(), event.subjectId(), event.summary(),
                event.actor().origin().requestId(), event.actor().origin().clientIp());
        AuditEntry entry = new AuditEntry(record, previousHash, AuditChain.hash(previousHash, record));
        entityManager.persist(entry);
        return entry;
    }

    /** The newest entries about one subject, newest first. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<AuditEntry> entriesAbout(String subjectType, String subjectId, int limit) {
        return entityManager.createQuery("SELECT e FROM AuditEntry e WHERE e.subjectType = :type"
                        + " AND e.subjectId = :id ORDER BY e.id DESC", AuditEntry.class)
                .setParameter("type", subjectType)
                .setParameter("id", subjectId)
                .setMaxResults(limit)
                .getResultList();
    }
}
