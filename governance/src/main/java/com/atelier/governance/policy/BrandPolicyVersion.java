package com.atelier.governance.policy;

import com.atelier.governance.workspace.Workspace;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.Optional;

/**
 * A stored version of a workspace's brand policy: the policy as a JSON document, who wrote it and when. Rows are
 * only ever inserted (the database refuses updates and deletes, see V7__brand_policies.sql).
 */
@Entity
@Table(name = "brand_policy_version")
public class BrandPolicyVersion {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(fetch = FetchType.EAGER, optional = false)
    @JoinColumn(name = "workspace_id", nullable = false, updatable = false)
    private Workspace workspace;

    @Column(name = "version", nullable = false, updatable = false)
    private int version;

    @Column(name = "policy", nullable = false, updatable = false)
    private String policy;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "created_by", nullable = false, updatable = false)
    private String createdBy;

    protected BrandPolicyVersion() {
        // for JPA
    }

    BrandPolicyVersion(Workspace workspace, int version, BrandPolicy policy, Instant createdAt, String createdBy) {
        this.workspace = workspace;
        this.version = version;
        this.policy = BrandPolicyDocument.write(policy);
        this.createdAt = createdAt;
        this.createdBy = createdBy;
    }

    VersionedBrandPolicy toValue() {
        return new VersionedBrandPolicy(workspace.slug(), version, BrandPolicyDocument.read(policy),
                Optional.of(createdAt), Optional.of(createdBy));
    }
}
