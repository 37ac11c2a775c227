package com.atelier.governance.access;

import com.atelier.governance.failure.AccessDeniedException;
import org.junit.jupiter.api.Test;

import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RoleTest {

    @Test
    void seniorDesignerCanDoAllADesignerCanAndTrainLoras() {
        assertThat(Role.SENIOR_DESIGNER.permissions()).containsAll(Role.DESIGNER.permissions())
                .contains(Permission.TRAIN_LORA, Permission.PUBLISH_LORA);
        assertThat(Role.DESIGNER.permissions()).doesNotContain(Permission.TRAIN_LORA, Permission.APPROVE);
    }

    @Test
    void onlyArtDirectorsAndBrandManagersApprove() {
        for (Role role : Role.values()) {
            boolean approves = role == Role.ART_DIRECTOR || role == Role.BRAND_MANAGER;
            assertThat(role.permissions().contains(Permission.APPROVE)).as(role.realmName()).isEqualTo(approves);
        }
    }

    @Test
    void complianceIsReadOnlyAcrossWorkspaces() {
        assertThat(Role.COMPLIANCE.permissions()).contains(Permission.VIEW_ALL_WORKSPACES, Permission.READ_AUDIT_TRAIL)
                .doesNotContain(Permission.GENERATE, Permission.APPROVE, Permission.MANAGE_WORKSPACES);
        assertThat(Role.COMPLIANCE.isWorkspaceScoped()).isFalse();
        assertThat(Role.DESIGNER.isWorkspaceScoped()).isTrue();
    }

    @Test
    void realmNamesMatchTheKeycloakRealm() {
        assertThat(Role.fromRealmName("art-director")).contains(Role.ART_DIRECTOR);
        assertThat(Role.fromRealmName("ART_DIRECTOR")).isEmpty();
    }

    @Test
    void designerIsRefusedWorkspaceManagementWithTheirRolesNamed() {
        Actor designer = new Actor("dana", Set.of(Role.DESIGNER), Origin.INTERNAL);
        assertThatThrownBy(() -> designer.require(Permission.MANAGE_WORKSPACES, "create workspaces"))
                .isInstanceOf(AccessDeniedException.class)
                .hasMessageContaining("create workspaces")
                .hasMessageContaining("[designer]");
        new Actor("ada", Set.of(Role.ADMIN), Origin.INTERNAL).require(Permission.MANAGE_WORKSPACES, "create");
    }
}
