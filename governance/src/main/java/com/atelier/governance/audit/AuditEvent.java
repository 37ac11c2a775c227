package com.atelier.governance.audit;

import com.atelier.governance.access.Actor;

import java.util.Objects;
import java.util.Optional;

/**
 * Something that happened to a governed object, as a service reports it to the audit trail.
 *
 * @param workspace the workspace slug whose chain records it; empty for platform-wide events
 * @param summary   a short before/after description (JSON text), never secrets or full prompts
 */
public record AuditEvent(Actor actor, String action, String subjectType, String subjectId,
                         Optional<String> workspace, String summary) {

    public AuditEvent {
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(subjectType, "subjectType");
        Objects.requireNonNull(subjectId, "subjectId");
        Objects.requireNonNull(workspace, "workspace");
        Objects.requireNonNull(summary, "summary");
    }

    public static AuditEvent inWorkspace(Actor actor, String workspace, String action, String subjectType,
                                         String subjectId, String summary) {
        return new AuditEvent(actor, action, subjectType, subjectId, Optional.of(workspace), summary);
    }

    /** The chain the event belongs to: one per workspace, and one for the platform. */
    public String chain() {
        return workspace.map(ws -> "workspace:" + ws).orElse(AuditChain.PLATFORM);
    }
}
