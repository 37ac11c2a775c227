package com.atelier.governance.workspace;

import com.atelier.governance.access.Actor;
import com.atelier.governance.access.Permission;
import com.atelier.governance.access.Role;

import java.time.Instant;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * A workspace as one user sees it: the workspace, the role they hold there if they are a member, and what they may
 * do there. Pages ask {@link #may} rather than reading the role, so that they show only what governance allows.
 */
public record WorkspaceMembership(String slug, String name, String description, Instant createdAt,
                                  Optional<Role> role, Set<Permission> permissions) {

    public WorkspaceMembership {
        permissions = Set.copyOf(permissions);
    }

    /** Whether the user may act with the permission in this workspace, as {@link WorkspaceDirectory#access} decides. */
    public boolean may(Permission permission) {
        return permissions.contains(permission);
    }

    /**
     * What an actor may do in a workspace where they hold {@code role} (empty: not a member). The workspace role
     * counts only while the actor's token carries it too, so revoking a realm role in Keycloak revokes it in every
     * workspace; compliance and admin may view every workspace without being members.
     */
    static Set<Permission> permissionsOf(Actor actor, Optional<Role> role) {
        Set<Permission> granted = EnumSet.noneOf(Permission.class);
        role.filter(r -> actor.roles().contains(r)).ifPresent(r -> granted.addAll(r.permissions()));
        if (actor.can(Permission.VIEW_ALL_WORKSPACES)) {
            granted.add(Permission.VIEW_WORKSPACE);
        }
        return granted;
    }

    /** The workspace as the actor sees it. */
    static WorkspaceMembership of(Workspace workspace, Actor actor, Optional<Role> role) {
        return new WorkspaceMembership(workspace.slug(), workspace.name(), workspace.description(),
                workspace.createdAt(), role, permissionsOf(actor, role));
    }

    /** Another user's membership: what the role grants, since their token is not at hand. */
    static WorkspaceMembership ofMember(Workspace workspace, Role role) {
        return new WorkspaceMembership(workspace.slug(), workspace.name(), workspace.description(),
                workspace.createdAt(), Optional.of(role), role.permissions());
    }
}
