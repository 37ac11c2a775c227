package com.atelier.governance.library.lora;

import com.atelier.governance.access.Actor;
import com.atelier.governance.audit.AuditEvent;
import com.atelier.governance.failure.ConflictException;
import com.atelier.governance.failure.NotFoundException;
import com.atelier.governance.workspace.Workspace;
import jakarta.json.JsonObjectBuilder;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;

import java.util.List;

/**
 * Finds adapters and their versions the way every part of the library must: a workspace changes only the adapters
 * it owns and sees its own and the shared ones; any other adapter is unknown to it.
 */
final class LoraAdapters {

    private final EntityManager entityManager;

    LoraAdapters(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /** An adapter owned by the workspace: the only kind whose versions the workspace may change. */
    LoraAdapter owned(Workspace workspace, long adapterId, LockModeType lock) {
        LoraAdapter adapter = entityManager.find(LoraAdapter.class, adapterId, lock);
        if (adapter == null || !adapter.workspace().id().equals(workspace.id())) {
            if (adapter != null && adapter.shared()) {
                throw new ConflictException("LoRA '" + adapter.name() + "' is shared by workspace '"
                        + adapter.workspace().slug() + "'; only that workspace changes it.");
            }
            throw unknown(workspace, adapterId);
        }
        return adapter;
    }

    /** An adapter the workspace owns or that is shared with every workspace. */
    LoraAdapter visible(Workspace workspace, long adapterId) {
        LoraAdapter adapter = entityManager.find(LoraAdapter.class, adapterId);
        if (adapter == null || !(adapter.shared() || adapter.workspace().id().equals(workspace.id()))) {
            throw unknown(workspace, adapterId);
        }
        return adapter;
    }

    /** Every version, oldest first. */
    List<LoraVersion> versionsOf(LoraAdapter adapter) {
        return entityManager.createQuery("SELECT v FROM LoraVersion v WHERE v.adapter = :a ORDER BY v.version",
                        LoraVersion.class)
                .setParameter("a", adapter)
                .getResultList();
    }

    LoraVersion versionOf(LoraAdapter adapter, int number) {
        return entityManager.createQuery("SELECT v FROM LoraVersion v WHERE v.adapter = :a AND v.version = :n",
                        LoraVersion.class)
                .setParameter("a", adapter)
                .setParameter("n", number)
                .getResultStream()
                .findFirst()
                .orElseThrow(() -> new NotFoundException("LoRA '" + adapter.name() + "' has no version " + number
                        + "."));
    }

    /** The audit event of a change to an adapter; the summary names the adapter too. */
    static AuditEvent changed(Actor actor, String workspaceSlug, String action, LoraAdapter adapter,
                              JsonObjectBuilder summary) {
        return AuditEvent.inWorkspace(actor, workspaceSlug, action, "lora", adapter.id().toString(),
                summary.add("adapter", adapter.name()).build().toString());
    }

    private static NotFoundException unknown(Workspace workspace, long adapterId) {
        return new NotFoundException("No LoRA adapter " + adapterId + " in workspace '" + workspace.slug() + "'.");
    }
}
