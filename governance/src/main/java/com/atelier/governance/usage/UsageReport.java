package com.atelier.governance.usage;

import com.atelier.governance.access.Actor;
import com.atelier.governance.access.Permission;
import com.atelier.governance.failure.InvalidInputException;
import com.atelier.governance.workspace.Workspace;
import com.atelier.governance.workspace.WorkspaceDirectory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

/** Per-workspace usage (images and GPU seconds by model and UTC day) for admins, from the assets themselves. */
@ApplicationScoped
public class UsageReport {

    static final int MAX_DAYS = 366;

    private EntityManager entityManager;
    private WorkspaceDirectory directory;

    protected UsageReport() {
        // for CDI proxies
    }

    @Inject
    public UsageReport(EntityManager entityManager, WorkspaceDirectory directory) {
        this.entityManager = entityManager;
        this.directory = directory;
    }

    /** Usage from {@code from} to {@code to}, both days included. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<UsageLine> usage(Actor actor, String workspaceSlug, LocalDate from, LocalDate to) {
        actor.require(Permission.MANAGE_WORKSPACES, "read usage reports");
        if (to.isBefore(from) || from.plusDays(MAX_DAYS).isBefore(to)) {
            throw new InvalidInputException("to", "The report covers 1 to " + MAX_DAYS + " days, 'from' first.");
        }
        Workspace workspace = directory.access(actor, workspaceSlug, Permission.VIEW_WORKSPACE);
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery("""
                        SELECT CAST((a.created_at AT TIME ZONE 'UTC') AS date) AS day, a.model, count(*),
                               sum(CASE WHEN a.state = 'BLOCKED' THEN 1 ELSE 0 END), sum(a.gpu_millis)
                        FROM asset a
                        WHERE a.workspace_id = ?1 AND a.created_at >= ?2 AND a.created_at < ?3
                        GROUP BY 1, 2 ORDER BY 1, 2""")
                .setParameter(1, workspace.id())
                .setParameter(2, from.atStartOfDay().toInstant(ZoneOffset.UTC))
                .setParameter(3, to.plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC))
                .getResultList();
        return rows.stream().map(row -> new UsageLine(LocalDate.parse(row[0].toString()), (String) row[1],
                ((Number) row[2]).longValue(), ((Number) row[3]).longValue(),
                ((Number) row[4]).doubleValue() / 1000.0)).toList();
    }

    /** All-time totals of one workspace and model: what the metrics endpoint exposes as counters. */
    public record UsageTotal(String workspace, String model, long images, long blocked, double gpuSeconds) {
    }

    /**
     * Totals per workspace and model since the beginning, read from the assets themselves, so every node reports the
     * same monotonic values and a restart loses nothing.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<UsageTotal> totals(Actor actor) {
        actor.require(Permission.MANAGE_WORKSPACES, "read usage metrics");
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery("""
                        SELECT w.slug, a.model, count(*), sum(CASE WHEN a.state = 'BLOCKED' THEN 1 ELSE 0 END),
                               sum(a.gpu_millis)
                        FROM asset a JOIN workspace w ON w.id = a.workspace_id
                        GROUP BY 1, 2 ORDER BY 1, 2""")
                .getResultList();
        return rows.stream().map(row -> new UsageTotal((String) row[0], (String) row[1], ((Number) row[2]).longValue(),
                ((Number) row[3]).longValue(), ((Number) row[4]).doubleValue() / 1000.0)).toList();
    }
}
