package com.atelier.governance.workspace;

import com.atelier.governance.access.Role;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

import java.time.Instant;

/**
 * A Keycloak user's place in a workspace, with the role they act in there. The role only takes effect while the
 * user's token also carries it as a realm role, so revoking a role in Keycloak revokes it in every workspace.
 */
@Entity
@Table(name = "membership")
public class Membership {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(fetch = FetchType.EAGER, optional = false)
    @JoinColumn(name = "workspace_id", nullable = false, updatable = false)
    private Workspace workspace;

    @Column(name = "user_id", nullable = false, updatable = false)
    private String userId;

    @Convert(converter = RoleColumn.class)
    @Column(name = "role", nullable = false)
    private Role role;

    @Column(name = "granted_at", nullable = false)
    private Instant grantedAt;

    @Column(name = "granted_by", nullable = false)
    private String grantedBy;

    protected Membership() {
        // for JPA
    }

    Membership(Workspace workspace, String userId, Role role, Instant grantedAt, String grantedBy) {
        this.workspace = workspace;
        this.userId = userId;
        this.role = role;
        this.grantedAt = grantedAt;
        this.grantedBy = grantedBy;
    }

    void changeRole(Role newRole, Instant at, String by) {
        this.role = newRole;
        this.grantedAt = at;
        this.grantedBy = by;
    }

    public Workspace workspace() {
        return workspace;
    }

    public String userId() {
        return userId;
    }

    public Role role() {
        return role;
    }

    public Instant grantedAt() {
        return grantedAt;
    }
}
