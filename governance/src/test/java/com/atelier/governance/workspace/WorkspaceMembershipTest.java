package com.atelier.governance.workspace;

import com.atelier.governance.access.Actor;
import com.atelier.governance.access.Origin;
import com.atelier.governance.access.Permission;
import com.atelier.governance.access.Role;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class WorkspaceMembershipTest {

    private static final Workspace ACME = new Workspace(new NewWorkspace("acme", "Acme", ""), Instant.EPOCH, "admin");

    private static Actor actor(Role... tokenRoles) {
        return new Actor("dana", Set.of(tokenRoles), Origin.INTERNAL);
    }

    private static WorkspaceMembership seenBy(Actor actor, Role workspaceRole) {
        return WorkspaceMembership.of(ACME, actor, Optional.ofNullable(workspaceRole));
    }

    @Test
    void aMemberMayWhatTheirRoleThereGrants() {
        WorkspaceMembership designer = seenBy(actor(Role.DESIGNER), Role.DESIGNER);

        assertThat(designer.may(Permission.GENERATE)).isTrue();
        assertThat(designer.may(Permission.APPROVE)).isFalse();
        assertThat(seenBy(actor(Role.DESIGNER, Role.BRAND_MANAGER), Role.BRAND_MANAGER)
                .may(Permission.EDIT_BRAND_POLICY)).isTrue();
    }

    @Test
    void aWorkspaceRoleCountsOnlyWhileTheTokenCarriesIt() {
        WorkspaceMembership revoked = seenBy(actor(Role.DESIGNER), Role.ART_DIRECTOR);

        assertThat(revoked.role()).contains(Role.ART_DIRECTOR);
        assertThat(revoked.may(Permission.APPROVE)).isFalse();
        assertThat(revoked.may(Permission.VIEW_WORKSPACE)).isFalse();
    }

    @Test
    void aRoleHeldElsewhereGrantsNothingHere() {
        assertThat(seenBy(actor(Role.ART_DIRECTOR), Role.DESIGNER).may(Permission.APPROVE)).isFalse();
        assertThat(seenBy(actor(Role.ART_DIRECTOR), null).permissions()).isEmpty();
    }

    @Test
    void complianceAndAdminMayViewEveryWorkspaceButNotActInIt() {
        for (Role role : Set.of(Role.COMPLIANCE, Role.ADMIN)) {
            WorkspaceMembership outsider = seenBy(actor(role), null);

            assertThat(outsider.may(Permission.VIEW_WORKSPACE)).as(role.realmName()).isTrue();
            assertThat(outsider.may(Permission.GENERATE)).as(role.realmName()).isFalse();
            assertThat(outsider.may(Permission.READ_AUDIT_TRAIL)).as("a portal-wide permission is not a workspace's")
                    .isFalse();
        }
    }

    @Test
    void anotherMembersRoleGrantsWhatTheRoleGrants() {
        WorkspaceMembership reviewer = WorkspaceMembership.ofMember(ACME, Role.ART_DIRECTOR);

        assertThat(reviewer.may(Permission.APPROVE)).isTrue();
        assertThat(reviewer.may(Permission.EDIT_BRAND_POLICY)).isFalse();
    }
}
