package com.atelier.web.api;

import com.atelier.governance.access.Role;
import com.atelier.governance.workspace.WorkspaceMembership;

import java.time.Instant;

/** A workspace in API responses; {@code role} is the caller's role there, absent when not a member. */
public record WorkspaceView(String slug, String name, String description, Instant createdAt, String role) {

    static WorkspaceView of(WorkspaceMembership m) {
        return new WorkspaceView(m.slug(), m.name(), m.description(), m.createdAt(),
                m.role().map(Role::realmName).orElse(null));
    }
}
