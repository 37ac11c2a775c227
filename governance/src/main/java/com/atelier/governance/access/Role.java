package com.atelier.governance.access;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * The realm roles Keycloak puts in a user's token, each granting a set of permissions.
 * A senior designer can do all a designer can, and so on: the inheritance lives here, not in Keycloak,
 * so that the rules are read in one place.
 */
public enum Role {
    DESIGNER("designer", EnumSet.of(Permission.VIEW_WORKSPACE, Permission.GENERATE, Permission.SUBMIT_FOR_REVIEW,
            Permission.COMMENT)),
    SENIOR_DESIGNER("senior-designer", with(DESIGNER, Permission.TRAIN_LORA, Permission.PUBLISH_LORA)),
    ART_DIRECTOR("art-director", with(DESIGNER, Permission.PUBLISH_LORA, Permission.APPROVE)),
    BRAND_MANAGER("brand-manager", with(DESIGNER, Permission.PUBLISH_LORA, Permission.APPROVE,
            Permission.EDIT_BRAND_POLICY)),
    COMPLIANCE("compliance", EnumSet.of(Permission.VIEW_WORKSPACE, Permission.VIEW_ALL_WORKSPACES,
            Permission.READ_AUDIT_TRAIL, Permission.VERIFY_PROVENANCE)),
    DEVELOPER("developer", EnumSet.of(Permission.VIEW_WORKSPACE, Permission.GENERATE)),
    ADMIN("admin", EnumSet.of(Permission.VIEW_WORKSPACE, Permission.VIEW_ALL_WORKSPACES,
            Permission.MANAGE_WORKSPACES));

    private final String realmName;
    private final Set<Permission> permissions;

    Role(String realmName, Set<Permission> permissions) {
        this.realmName = realmName;
        this.permissions = permissions;
    }

    /** The role's name in the Keycloak realm and in tokens. */
    public String realmName() {
        return realmName;
    }

    public Set<Permission> permissions() {
        return permissions;
    }

    /** Whether holding this role allows the permission. */
    public boolean grants(Permission permission) {
        return permissions.contains(permission);
    }

    /** Compliance and admin act across all workspaces; every other role only where the user is a member. */
    public boolean isWorkspaceScoped() {
        return this != COMPLIANCE && this != ADMIN;
    }

    public static Optional<Role> fromRealmName(String name) {
        return Arrays.stream(values()).filter(r -> r.realmName.equals(name)).findFirst();
    }

    private static Set<Permission> with(Role base, Permission... more) {
        EnumSet<Permission> all = EnumSet.copyOf(base.permissions);
        all.addAll(Arrays.asList(more));
        return all;
    }
}
