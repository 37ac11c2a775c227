package com.atelier.governance.access;

import com.atelier.governance.failure.AccessDeniedException;

import java.util.Objects;
import java.util.Set;

/**
 * The signed-in user on whose behalf governance acts: the Keycloak user id, the realm roles from the token,
 * and the origin of the call. Built by the web layer from the verified token, never from request parameters.
 */
public record Actor(String userId, Set<Role> roles, Origin origin) {

    public Actor {
        Objects.requireNonNull(userId, "userId");
        roles = Set.copyOf(roles);
        Objects.requireNonNull(origin, "origin");
    }

    public boolean can(Permission permission) {
        return roles.stream().anyMatch(r -> r.grants(permission));
    }

    /** Throws unless one of the actor's roles grants the permission. */
    public void require(Permission permission, String action) {
        if (!can(permission)) {
            throw new AccessDeniedException("You may not " + action + ": it needs a role with " + permission
                    + ", and your roles are " + roleNames() + ".");
        }
    }

    public String roleNames() {
        return roles.stream().map(Role::realmName).sorted().toList().toString();
    }
}
