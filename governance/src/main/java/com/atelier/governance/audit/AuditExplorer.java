package com.atelier.governance.audit;

import com.atelier.governance.access.Actor;
import com.atelier.governance.access.Permission;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * What compliance staff do with the audit trail: search it, verify its chains and export a range with the hashes
 * an outside party needs to re-verify it. Read-only: nothing here (or anywhere) updates or deletes an entry.
 */
@ApplicationScoped
public class AuditExplorer {

    private static final int STREAM_FETCH = 2000;

    private static final Duration READ_WAIT = Duration.ofSeconds(5);

    private EntityManager entityManager;
    private AuditSealer sealer;

    protected AuditExplorer() {
        // for CDI proxies
    }

    @Inject
    public AuditExplorer(EntityManager entityManager, AuditSealer sealer) {
        this.entityManager = entityManager;
        this.sealer = sealer;
    }

    /** One page of matching entries, newest first, and how many match in all. */
    public record Page(List<AuditEntry> items, int page, int size, long total) {
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Page search(Actor actor, AuditSearch search) {
        actor.require(Permission.READ_AUDIT_TRAIL, "read the audit trail");
        sealer.awaitChained(READ_WAIT);
        StringBuilder where = new StringBuilder(" FROM AuditEntry e WHERE 1 = 1");
        Map<String, Object> parameters = filters(search, where);
        TypedQuery<Long> count = entityManager.createQuery("SELECT count(e)" + where, Long.class);
        TypedQuery<AuditEntry> items = entityManager.createQuery("SELECT e" + where + " ORDER BY e.id DESC",
                AuditEntry.class);
        parameters.forEach((name, value) -> {
            count.setParameter(name, value);
            items.setParameter(name, value);
        });
        return new Page(items.setFirstResult(search.page() * search.size()).setMaxResults(search.size())
                .getResultList(), search.page(), search.size(), count.getSingleResult());
    }

    /**
     * Streams every matching entry, oldest first per chain, to the consumer (CSV/JSON export). A transaction keeps
     * PostgreSQL's cursor open, so rows arrive in batches instead of all at once.
     */
    @Transactional
    public void export(Actor actor, AuditSearch search, Consumer<AuditEntry> sink) {
        actor.require(Permission.READ_AUDIT_TRAIL, "export the audit trail");
        sealer.awaitChained(READ_WAIT);
        StringBuilder where = new StringBuilder(" FROM AuditEntry e WHERE 1 = 1");
        Map<String, Object> parameters = filters(search, where);
        TypedQuery<AuditEntry> query = entityManager.createQuery("SELECT e" + where
                + " ORDER BY e.chain, e.sequence", AuditEntry.class);
        parameters.forEach(query::setParameter);
        try (Stream<AuditEntry> entries = query.setHint("org.hibernate.fetchSize", STREAM_FETCH)
                .setHint("org.hibernate.readOnly", true).getResultStream()) {
            entries.forEach(entry -> {
                sink.accept(entry);
                entityManager.detach(entry);
            });
        }
    }

    /** Verifies one workspace's chain, or every chain when none is named (in a transaction, for the cursor). */
    @Transactional
    public List<ChainVerifier.ChainReport> verify(Actor actor, Optional<String> workspace) {
        actor.require(Permission.READ_AUDIT_TRAIL, "verify the audit trail");
        sealer.awaitChained(READ_WAIT);
        List<String> chains = workspace.map(ws -> List.of("workspace:" + ws))
                .orElseGet(() -> entityManager.createQuery("SELECT DISTINCT e.chain FROM AuditEntry e ORDER BY e.chain",
                        String.class).getResultList());
        return chains.stream().map(this::verifyChain).toList();
    }

    // Native rows instead of entities: verification reads each row once and keeps nothing.
    private ChainVerifier.ChainReport verifyChain(String chain) {
        ChainVerifier verifier = new ChainVerifier(chain);
        @SuppressWarnings("unchecked")
        Stream<Object[]> rows = entityManager.createNativeQuery("SELECT id, sequence, occurred_at, actor, action,"
                        + " subject_type, subject_id, summary, request_id, client_ip, previous_hash, entry_hash"
                        + " FROM audit_entry WHERE chain = ?1 ORDER BY sequence")
                .setParameter(1, chain)
                .setHint("org.hibernate.fetchSize", STREAM_FETCH)
                .getResultStream();
        try (rows) {
            rows.forEach(row -> verifier.accept(((Number) row[0]).longValue(), new AuditRecord(chain,
                    ((Number) row[1]).longValue(), instant(row[2]), (String) row[3], (String) row[4],
                    (String) row[5], (String) row[6], (String) row[7], (String) row[8], (String) row[9]),
                    (String) row[10], (String) row[11]));
        }
        return verifier.report();
    }

    private static java.time.Instant instant(Object value) {
        if (value instanceof java.time.Instant i) {
            return i;
        }
        if (value instanceof java.time.OffsetDateTime o) {
            return o.toInstant();
        }
        if (value instanceof java.sql.Timestamp t) {
            return t.toInstant();
        }
        throw new IllegalStateException("unexpected timestamp type " + value.getClass());
    }

    private static Map<String, Object> filters(AuditSearch search, StringBuilder where) {
        Map<String, Object> parameters = new HashMap<>();
        search.actor().ifPresent(v -> add(where, parameters, "e.actor = :actor", "actor", v));
        search.action().ifPresent(v -> add(where, parameters, "e.action LIKE :action", "action",
                v.endsWith("*") ? v.substring(0, v.length() - 1) + "%" : v));
        search.subjectType().ifPresent(v -> add(where, parameters, "e.subjectType = :subjectType", "subjectType", v));
        search.subjectId().ifPresent(v -> add(where, parameters, "e.subjectId = :subjectId", "subjectId", v));
        search.chain().ifPresent(v -> add(where, parameters, "e.chain = :chain", "chain", v));
        search.from().ifPresent(v -> add(where, parameters, "e.occurredAt >= :from", "from", v));
        search.to().ifPresent(v -> add(where, parameters, "e.occurredAt < :to", "to", v));
        return parameters;
    }

    private static void add(StringBuilder where, Map<String, Object> parameters, String clause, String name,
                            Object value) {
        where.append(" AND ").append(clause);
        parameters.put(name, value);
    }
}
