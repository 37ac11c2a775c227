package com.atelier.governance.audit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.TreeMap;

/**
 * Chains one batch of waiting audit events: takes the oldest rows of {@code audit_intake} (rows another node is
 * chaining are skipped), appends them to their chains in id order under each chain's lock, and deletes them, all in
 * one transaction, so an event is either waiting or chained, never both or neither.
 */
@ApplicationScoped
public class AuditChainWriter {

    static final int BATCH = 500;

    private static final String INSERT = "INSERT INTO audit_entry (chain, sequence, occurred_at, actor, action,"
            + " subject_type, subject_id, summary, request_id, client_ip, previous_hash, entry_hash)"
            + " VALUES";
    private static final int COLUMNS = 12;

    private EntityManager entityManager;

    protected AuditChainWriter() {
        // for CDI proxies
    }

    @Inject
    public AuditChainWriter(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /** Chains up to {@link #BATCH} waiting events and returns how many it chained. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public int sealBatch() {
        @SuppressWarnings("unchecked")
        List<AuditIntake> waiting = entityManager.createNativeQuery("SELECT * FROM audit_intake ORDER BY id LIMIT "
                + BATCH + " FOR UPDATE SKIP LOCKED", AuditIntake.class).getResultList();
        if (waiting.isEmpty()) {
            return 0;
        }
        // chains are locked in name order, so two nodes sealing at once never wait on each other in a circle
        Map<String, List<AuditIntake>> byChain = new TreeMap<>();
        waiting.forEach(event -> byChain.computeIfAbsent(event.chain(), c -> new ArrayList<>()).add(event));
        List<AuditEntry> entries = new ArrayList<>(waiting.size());
        byChain.forEach((chain, events) -> entries.addAll(AuditChain.extend(lastOf(chain), events)));
        insert(entries);
        entityManager.createQuery("DELETE FROM AuditIntake i WHERE i.id IN :ids")
                .setParameter("ids", waiting.stream().map(AuditIntake::id).toList())
                .executeUpdate();
        return waiting.size();
    }

    /** The id of the newest event waiting to be chained, if any. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public OptionalLong newestWaiting() {
        Object newest = entityManager.createNativeQuery("SELECT max(id) FROM audit_intake").getSingleResult();
        return newest == null ? OptionalLong.empty() : OptionalLong.of(((Number) newest).longValue());
    }

    /** Whether an event with this id or an older one still waits to be chained. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public boolean waitingUpTo(long id) {
        return (Boolean) entityManager.createNativeQuery("SELECT EXISTS (SELECT 1 FROM audit_intake WHERE id <= ?1)")
                .setParameter(1, id)
                .getSingleResult();
    }

    private AuditChain.Tip lastOf(String chain) {
        entityManager.createNativeQuery("SELECT 1 FROM pg_advisory_xact_lock(hashtext(?1))")
                .setParameter(1, chain)
                .getSingleResult();
        // a statement of its own after the lock: READ COMMITTED then sees the previous holder's commit
        @SuppressWarnings("unchecked")
        List<Object[]> last = entityManager.createNativeQuery("SELECT sequence, entry_hash FROM audit_entry"
                        + " WHERE chain = ?1 ORDER BY sequence DESC LIMIT 1")
                .setParameter(1, chain)
                .getResultList();
        return last.isEmpty() ? AuditChain.Tip.GENESIS
                : new AuditChain.Tip(((Number) last.get(0)[0]).longValue(), ((String) last.get(0)[1]).trim());
    }

    /** One multi-row INSERT: a round costs one round trip whatever its size. */
    private void insert(List<AuditEntry> entries) {
        StringBuilder sql = new StringBuilder(INSERT);
        int parameter = 0;
        for (int row = 0; row < entries.size(); row++) {
            sql.append(row == 0 ? " (" : ", (");
            for (int column = 0; column < COLUMNS; column++) {
                sql.append(column == 0 ? "" : ", ");
                // request id and client address may be null; a typed null suits every JDBC binding of null
                if (column == 8 || column == 9) {
                    sql.append("CAST(?").append(++parameter).append(" AS VARCHAR)");
                } else {
                    sql.append('?').append(++parameter);
                }
            }
            sql.append(')');
        }
        Query insert = entityManager.createNativeQuery(sql.toString());
        parameter = 0;
        for (AuditEntry entry : entries) {
            AuditRecord record = entry.record();
            for (Object value : new Object[]{record.chain(), record.sequence(), record.occurredAt(), record.actor(),
                    record.action(), record.subjectType(), record.subjectId(), record.summary(), record.requestId(),
                    record.clientIp(), entry.previousHash(), entry.entryHash()}) {
                insert.setParameter(++parameter, value);
            }
        }
        insert.executeUpdate();
    }
}
