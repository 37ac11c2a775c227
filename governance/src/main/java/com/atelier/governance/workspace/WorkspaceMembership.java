package com.atelier.governance.workspace;

import com.atelier.governance.access.Role;

import java.time.Instant;
import java.util.Optional;

/**
 * A workspace as one user sees it: the workspace and, if the user is a member, the role they hold there.
 */
public record WorkspaceMembership(String slug, String name, String description, Instant createdAt,
                                  Optional<Role> role) {

    static WorkspaceMembership of(Workspace workspace, Optional<Role> role) {
        return new WorkspaceMembership(workspace.slug(), workspace.name(), workspace.description(),
                workspace.createdAt(), role);
    }
}
